package io.ohkay.bench.report;

import org.jspecify.annotations.Nullable;

/**
 * One reconnection with {@code Last-Event-ID}, timed from the request to {@code ready}.
 *
 * @param attempt 1 for the first reconnection from the cursor, then 2, 3...
 * @param events the missed messages received before {@code ready}
 * @param firstEventMillis reconnect to the first replayed message
 * @param readyMillis reconnect to {@code ready}: the whole replay
 * @param complete whether every missed message came, once
 * @param inOrder whether they came in the order the feed holds them (as a live stream saw them)
 * @param othersCpu the share of all cores (0 to 1) processes outside the bench's used meanwhile;
 *     NaN when unknown
 * @param failure what went wrong ({@code resync}, a timeout, the stream ending); null when nothing
 */
public record ReplayRun(
    int attempt,
    long events,
    double firstEventMillis,
    double readyMillis,
    boolean complete,
    boolean inOrder,
    double othersCpu,
    @Nullable String failure) {

  /** Replayed messages per second, reconnect to {@code ready}. */
  public double eventsPerSecond() {
    return readyMillis <= 0.0 ? 0.0 : events * 1_000.0 / readyMillis;
  }

  /** Whether the replay was right: complete, in order, ended by {@code ready}. */
  public boolean right() {
    return complete && inOrder && failure == null;
  }
}
