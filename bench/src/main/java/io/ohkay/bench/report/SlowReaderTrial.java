package io.ohkay.bench.report;

import org.jspecify.annotations.Nullable;

/**
 * The same rate measured on the same subscribers three times: without, with, then again without
 * connections that opened the stream and read nothing after its {@code ready} (the second "without"
 * comes once the target cut them off, or they were closed). Two halves without, one before and one
 * after, keep a disturbance of one of them (a target still settling after its start) from passing
 * for the slow readers' effect.
 *
 * @param target the target's name
 * @param subscribers the measured (reading) subscribers
 * @param slowReaders connections that read nothing during the second half
 * @param without the half without them, before
 * @param with the half with them
 * @param after the half without them, after
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
    @Nullable FanoutStep after,
    int cutOff,
    long slowReaderMessages,
    @Nullable String problem) {

  /**
   * The readers' p99 with the slow readers over the lower p99 of the halves without them (the
   * strict comparison); null unless the half with them and one without were measured.
   */
  public @Nullable Double p99Ratio() {
    Double base = lowerP99(without, after);
    if (with == null || with.latency().count() == 0 || base == null || base == 0.0) {
      return null;
    }
    return with.latency().p99Millis() / base;
  }

  private static @Nullable Double lowerP99(
      @Nullable FanoutStep first, @Nullable FanoutStep second) {
    Double lower = null;
    for (@Nullable FanoutStep step : new @Nullable FanoutStep[] {first, second}) {
      if (step != null && step.latency().count() > 0) {
        double p99 = step.latency().p99Millis();
        lower = lower == null ? p99 : Math.min(lower, p99);
      }
    }
    return lower;
  }
}
