package io.ohkay.bench.e2e;

import java.util.concurrent.locks.LockSupport;

/**
 * Sends a step's messages on its fixed schedule whatever the target answers: each post is fired
 * asynchronously at its scheduled time, or at once when the sender is behind.
 */
final class OpenLoopSender {

  private OpenLoopSender() {}

  /** Returns once the last message of the step has been fired. */
  static void send(StepRun run, LoadClient client) throws InterruptedException {
    for (int seq = 0; seq < run.count(); seq++) {
      waitUntil(run.scheduledNanos(seq));
      run.fired(seq, System.nanoTime());
      client.post(run, seq);
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
