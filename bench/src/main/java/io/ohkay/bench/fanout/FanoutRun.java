package io.ohkay.bench.fanout;

import io.ohkay.bench.load.Answers;
import io.ohkay.bench.load.OpenLoopSchedule;
import io.ohkay.bench.report.FanoutStep;
import io.ohkay.bench.report.HeldRateRule;
import io.ohkay.bench.report.LatencySummary;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.BitSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * One step in flight: {@code count} messages scheduled {@code 1/rate} s apart, each due at every
 * one of {@code subscribers} subscribers. A delivery's latency runs from the message's scheduled
 * time (no coordinated omission). Deliveries arrive on the streams' threads, answers (kept by
 * {@link Answers}) on the poster's: recording is synchronized.
 */
final class FanoutRun {

  private final int step;
  private final OpenLoopSchedule schedule;
  private final int subscribers;
  private final BitSet[] seen;
  private final Histogram latency = new Histogram(3);
  private final Histogram spread = new Histogram(3);
  private final long[] firstArrival;
  private final BitSet arrived;
  private final Answers answers;
  private final CountDownLatch pending;
  private long delivered;
  private boolean closed;

  FanoutRun(int step, int rate, int count, int subscribers, long startNanos) {
    this.step = step;
    this.schedule = new OpenLoopSchedule(rate, count, startNanos);
    this.subscribers = subscribers;
    this.seen = new BitSet[subscribers];
    for (int i = 0; i < subscribers; i++) {
      seen[i] = new BitSet(count);
    }
    this.firstArrival = new long[count];
    this.arrived = new BitSet(count);
    this.answers = new Answers(schedule);
    this.pending = new CountDownLatch(Math.multiplyExact(count, subscribers));
  }

  int step() {
    return step;
  }

  OpenLoopSchedule schedule() {
    return schedule;
  }

  Answers answers() {
    return answers;
  }

  /**
   * Records the first arrival of message {@code seq} at {@code subscriber}; repeats are ignored.
   */
  synchronized void delivered(int subscriber, int seq, long arrivalNanos) {
    if (closed
        || subscriber >= subscribers
        || seq >= schedule.count()
        || seen[subscriber].get(seq)) {
      return;
    }
    seen[subscriber].set(seq);
    delivered++;
    latency.recordValue(micros(arrivalNanos - schedule.scheduledNanos(seq)));
    if (!arrived.get(seq)) {
      arrived.set(seq);
      firstArrival[seq] = arrivalNanos;
    }
    spread.recordValue(micros(arrivalNanos - firstArrival[seq]));
    pending.countDown();
  }

  private static long micros(long nanos) {
    return Math.max(0, TimeUnit.NANOSECONDS.toMicros(nanos));
  }

  /** Waits until every delivery arrived or the time is up; true when all arrived. */
  boolean awaitDeliveries(Duration timeout) throws InterruptedException {
    return pending.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
  }

  /** From now on, arrivals count as lost. */
  synchronized void close() {
    closed = true;
  }

  synchronized FanoutStep result(
      String target,
      int durationSeconds,
      HeldRateRule rule,
      int cutOff,
      long bytes,
      double othersCpu) {
    long expected = (long) schedule.count() * subscribers;
    LatencySummary summary = LatencySummary.ofMicros(latency);
    return new FanoutStep(
        target,
        subscribers,
        schedule.rate(),
        durationSeconds,
        schedule.count(),
        expected,
        delivered,
        expected - delivered,
        answers.errors(),
        summary,
        LatencySummary.ofMicros(spread),
        answers.latency(),
        answers.sendLag(),
        cutOff,
        delivered == 0 ? 0.0 : (double) bytes / delivered,
        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
        othersCpu,
        rule.holds(expected, expected - delivered, summary) && answers.errors() == 0,
        answers.firstError());
  }
}
