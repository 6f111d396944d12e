package io.ohkay.bench.sse;

import org.jspecify.annotations.Nullable;

/** What a {@link SseScanner} reports, on the thread that feeds it. */
public interface SseListener {

  /**
   * An event whose data carries a {@link BenchTag}; the chunk that completed it arrived at {@code
   * arrivalNanos} ({@link System#nanoTime()}).
   */
  void tagged(int step, int seq, long arrivalNanos);

  /**
   * Any other event with a name or an id ({@code ready}, {@code overflow}, {@code resync}, a
   * presence...); {@code name} is empty when the event has none.
   */
  void event(String name, @Nullable String id, long arrivalNanos);
}
