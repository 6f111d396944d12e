package io.ohkay.bench.load;

import java.util.concurrent.locks.LockSupport;

/**
 * Keeps a schedule whatever the target answers: each request is fired (asynchronously, by the
 * caller's {@link Shot}) at its scheduled time, or at once when the sender is behind.
 */
public final class OpenLoopSender {

  /** Fires request {@code seq} without waiting for its answer. */
  @FunctionalInterface
  public interface Shot {
    void fire(int seq, long firedNanos);
  }

  private OpenLoopSender() {}

  /** Returns once the last request of the schedule has been fired. */
  public static void send(OpenLoopSchedule schedule, Shot shot) throws InterruptedException {
    for (int seq = 0; seq < schedule.count(); seq++) {
      waitUntil(schedule.scheduledNanos(seq));
      shot.fire(seq, System.nanoTime());
    }
  }

  private static void waitUntil(long dueNanos) throws InterruptedException {
    long remaining;
    while ((remaining = dueNanos - System.nanoTime()) > 0) {
      LockSupport.parkNanos(remaining);
      if (Thread.interrupted()) {
        throw new InterruptedException("sender interrupted");
      }
    }
  }
}
