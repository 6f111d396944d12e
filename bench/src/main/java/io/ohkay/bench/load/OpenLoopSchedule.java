package io.ohkay.bench.load;

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

  public OpenLoopSchedule {
    if (rate <= 0 || count < 0) {
      throw new IllegalArgumentException("rate must be > 0 and count >= 0");
    }
  }

  /** When request {@code seq} is due. */
  public long scheduledNanos(int seq) {
    return startNanos + seq * NANOS_PER_SECOND / rate;
  }
}
