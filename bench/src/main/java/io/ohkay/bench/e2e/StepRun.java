package io.ohkay.bench.e2e;

import io.ohkay.bench.load.Answers;
import io.ohkay.bench.load.OpenLoopSchedule;
import io.ohkay.bench.report.HeldRateRule;
import io.ohkay.bench.report.LatencySummary;
import io.ohkay.bench.report.StepResult;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.BitSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * One step in flight: {@code count} messages scheduled {@code 1/rate} s apart from {@code
 * startNanos}. Latencies are measured from each message's scheduled time, not from when it was
 * actually sent, so a target that slows the sender down is charged for it (no coordinated
 * omission). Deliveries arrive on the stream's thread, answers (kept by {@link Answers}) on the
 * client's: all recording is synchronized.
 */
final class StepRun {

  private final String token;
  private final OpenLoopSchedule schedule;
  private final int count;
  private final BitSet delivered;
  private final Histogram endToEnd = new Histogram(3);
  private final Answers answers;
  private final CountDownLatch deliveries;
  private boolean deliveriesClosed;

  StepRun(String token, int rate, int count, long startNanos) {
    this.token = token;
    this.schedule = new OpenLoopSchedule(rate, count, startNanos);
    this.count = count;
    this.delivered = new BitSet(count);
    this.deliveries = new CountDownLatch(count);
    this.answers = new Answers(schedule);
  }

  OpenLoopSchedule schedule() {
    return schedule;
  }

  String token() {
    return token;
  }

  int count() {
    return count;
  }

  MessageTag tag(int seq) {
    return new MessageTag(token, seq);
  }

  long scheduledNanos(int seq) {
    return schedule.scheduledNanos(seq);
  }

  /** Records how late the sender fired a message: the harness's own lag, for diagnosis. */
  void fired(int seq, long firedNanos) {
    answers.fired(seq, firedNanos);
  }

  /** Records the first arrival of a message; repeats, strays and late arrivals are ignored. */
  synchronized void delivered(int seq, long arrivalNanos) {
    if (deliveriesClosed || seq < 0 || seq >= count || delivered.get(seq)) {
      return;
    }
    delivered.set(seq);
    endToEnd.recordValue(micros(arrivalNanos - scheduledNanos(seq)));
    deliveries.countDown();
  }

  void answered(int seq, int status, long answerNanos) {
    answers.answered(seq, status, answerNanos);
  }

  void failed(Throwable error) {
    answers.failed(error);
  }

  /** Waits until every message arrived or the time is up; true when all arrived. */
  boolean awaitDeliveries(Duration timeout) throws InterruptedException {
    return deliveries.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
  }

  /** Waits until every post was answered or failed, or the time is up. */
  boolean awaitAnswers(Duration timeout) throws InterruptedException {
    return answers.await(timeout);
  }

  /** From now on, arrivals count as lost. */
  synchronized void closeDeliveries() {
    deliveriesClosed = true;
  }

  synchronized StepResult result(String target, int durationSeconds, HeldRateRule rule) {
    long arrived = delivered.cardinality();
    LatencySummary latency = LatencySummary.ofMicros(endToEnd);
    return new StepResult(
        target,
        schedule.rate(),
        durationSeconds,
        count,
        arrived,
        count - arrived,
        answers.errors(),
        latency,
        answers.latency(),
        answers.sendLag(),
        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
        rule.holds(count, count - arrived, latency),
        answers.firstError());
  }

  private static long micros(long nanos) {
    return Math.max(0, TimeUnit.NANOSECONDS.toMicros(nanos));
  }
}
