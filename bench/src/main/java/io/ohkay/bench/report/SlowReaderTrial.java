package io.ohkay.bench.report;

import org.jspecify.annotations.Nullable;

/**
 * The same rate measured on the same subscribers without, then with, connections that opened the
 * stream and read nothing after its {@code ready}.
 *
 * @param target the target's name
 * @param subscribers the measured (reading) subscribers
 * @param slowReaders connections that read nothing during the second half
 * @param without the half without them
 * @param with the half with them
 * @param cutOff slow readers the target ended with {@code event: overflow} (seen once they read
 *     again, after the trial)
 * @param slowReaderMessages messages the slow readers got in all (prefill included), read after the
 *     trial
 * @param problem why the trial was not (fully) measured; null when it was
 */
public record SlowReaderTrial(
    String target,
    int subscribers,
    int slowReaders,
    @Nullable FanoutStep without,
    @Nullable FanoutStep with,
    int cutOff,
    long slowReaderMessages,
    @Nullable String problem) {

  /** The readers' p99 with the slow readers over without; null unless both were measured. */
  public @Nullable Double p99Ratio() {
    if (without == null
        || with == null
        || without.latency().count() == 0
        || with.latency().count() == 0
        || without.latency().p99Millis() == 0.0) {
      return null;
    }
    return with.latency().p99Millis() / without.latency().p99Millis();
  }
}
