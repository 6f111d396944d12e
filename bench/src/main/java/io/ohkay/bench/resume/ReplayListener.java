package io.ohkay.bench.resume;

import io.ohkay.bench.sse.SseListener;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * What one stream received of the missed messages (those tagged with one step), in arrival order,
 * and its {@code ready}: the id and arrival of the first one, or of the next one after {@link
 * #expectReady}. Written by the stream's thread, read once the latch opened: the latch orders them.
 */
final class ReplayListener implements SseListener {

  private final int step;
  private final int[] order;
  private final CountDownLatch ready = new CountDownLatch(1);
  private final CountDownLatch all;
  private int received;
  private long firstNanos;
  private long readyNanos;
  private @Nullable String readyId;
  private @Nullable String failure;

  /**
   * @param step the missed messages' step
   * @param missed how many there are
   */
  ReplayListener(int step, int missed) {
    this.step = step;
    this.order = new int[missed];
    this.all = new CountDownLatch(missed);
  }

  @Override
  public synchronized void tagged(int step, int seq, long arrivalNanos) {
    if (step != this.step) {
      return;
    }
    if (received == 0) {
      firstNanos = arrivalNanos;
    }
    if (received < order.length) {
      order[received] = seq;
    }
    received++;
    all.countDown();
  }

  @Override
  public synchronized void event(String name, @Nullable String id, long arrivalNanos) {
    switch (name) {
      case "ready" -> {
        if (ready.getCount() > 0) {
          readyNanos = arrivalNanos;
          readyId = id;
          ready.countDown();
        }
      }
      case "resync", "overflow", "revoked", "unavailable" -> {
        if (failure == null) {
          failure = "event: " + name;
        }
      }
      default -> {}
    }
  }

  /** Waits for {@code ready}; false when the time is up. */
  boolean awaitReady(Duration timeout) throws InterruptedException {
    return ready.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
  }

  /** Waits until every missed message came; false when the time is up. */
  boolean awaitAll(Duration timeout) throws InterruptedException {
    return all.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
  }

  synchronized @Nullable String readyId() {
    return readyId;
  }

  synchronized long readyNanos() {
    return readyNanos;
  }

  synchronized long firstNanos() {
    return firstNanos;
  }

  synchronized int received() {
    return received;
  }

  synchronized @Nullable String failure() {
    return failure;
  }

  /** The seqs in arrival order (the first {@code missed} of them). */
  synchronized int[] order() {
    return Arrays.copyOf(order, Math.min(received, order.length));
  }

  /** Whether every seq of 0..missed-1 came exactly once. */
  synchronized boolean complete() {
    if (received != order.length) {
      return false;
    }
    var seen = new boolean[order.length];
    for (int seq : order) {
      if (seq < 0 || seq >= seen.length || seen[seq]) {
        return false;
      }
      seen[seq] = true;
    }
    return true;
  }
}
