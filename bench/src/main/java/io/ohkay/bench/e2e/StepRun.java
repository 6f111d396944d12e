package io.ohkay.bench.e2e;

import io.ohkay.bench.report.HeldRateRule;
import io.ohkay.bench.report.LatencySummary;
import io.ohkay.bench.report.StepResult;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.BitSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.jspecify.annotations.Nullable;

/**
 * One step in flight: {@code count} messages scheduled {@code 1/rate} s apart from {@code
 * startNanos}. Latencies are measured from each message's scheduled time, not from when it was
 * actually sent, so a target that slows the sender down is charged for it (no coordinated
 * omission). Deliveries arrive on the stream's thread, answers on the client's: all recording is
 * synchronized.
 */
final class StepRun {

  private static final long NANOS_PER_SECOND = TimeUnit.SECONDS.toNanos(1);

  private final String token;
  private final int rate;
  private final int count;
  private final long startNanos;
  private final BitSet delivered;
  private final Histogram endToEnd = new Histogram(3);
  private final Histogram postResponse = new Histogram(3);
  private final Histogram sendLag = new Histogram(3);
  private final CountDownLatch deliveries;
  private final CountDownLatch answers;
  private long postErrors;
  private @Nullable String firstError;
  private boolean deliveriesClosed;

  StepRun(String token, int rate, int count, long startNanos) {
    this.token = token;
    this.rate = rate;
    this.count = count;
    this.startNanos = startNanos;
    this.delivered = new BitSet(count);
    this.deliveries = new CountDownLatch(count);
    this.answers = new CountDownLatch(count);
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
    return startNanos + seq * NANOS_PER_SECOND / rate;
  }

  /** Records how late the sender fired a message: the harness's own lag, for diagnosis. */
  synchronized void fired(int seq, long firedNanos) {
    sendLag.recordValue(micros(firedNanos - scheduledNanos(seq)));
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

  synchronized void answered(int seq, int status, long answerNanos) {
    if (status >= 200 && status < 300) {
      postResponse.recordValue(micros(answerNanos - scheduledNanos(seq)));
    } else {
      error("HTTP " + status);
    }
    answers.countDown();
  }

  synchronized void failed(Throwable error) {
    error(error.toString());
    answers.countDown();
  }

  private void error(String description) {
    postErrors++;
    if (firstError == null) {
      firstError = description;
    }
  }

  /** Waits until every message arrived or the time is up; true when all arrived. */
  boolean awaitDeliveries(Duration timeout) throws InterruptedException {
    return deliveries.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
  }

  /** Waits until every post was answered or failed, or the time is up. */
  boolean awaitAnswers(Duration timeout) throws InterruptedException {
    return answers.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
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
        rate,
        durationSeconds,
        count,
        arrived,
        count - arrived,
        postErrors,
        latency,
        LatencySummary.ofMicros(postResponse),
        LatencySummary.ofMicros(sendLag),
        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
        rule.holds(count, count - arrived, latency),
        firstError);
  }

  private static long micros(long nanos) {
    return Math.max(0, TimeUnit.NANOSECONDS.toMicros(nanos));
  }
}
