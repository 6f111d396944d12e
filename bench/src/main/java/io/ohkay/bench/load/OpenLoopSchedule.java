package io.ohkay.bench.load;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A step's fixed schedule: {@code count} requests {@code 1/rate} s apart from {@code startNanos} (a
 * {@link System#nanoTime()} instant).
 *
 * @param rate requests per second
 * @param count requests in the step
 * @param startNanos when the first request is due
 */
public record OpenLoopSchedule(int rate, int count, long startNanos) {

  private static final long NANOS_PER_SECOND = TimeUnit.SECONDS.toNanos(1);
  private static final long START_LEAD_NANOS = Duration.ofMillis(20).toNanos();

  public OpenLoopSchedule {
    if (rate <= 0 || count < 0) {
      throw new IllegalArgumentException("rate must be > 0 and count >= 0");
    }
  }

  /** A step's start, 20 ms from now: the sender is set up before the first request is due. */
  public static long soon() {
    return System.nanoTime() + START_LEAD_NANOS;
  }

  /** When request {@code seq} is due. */
  public long scheduledNanos(int seq) {
    return startNanos + seq * NANOS_PER_SECOND / rate;
  }
}
