package io.ohkay.bench.load;

import io.ohkay.bench.report.LatencySummary;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.jspecify.annotations.Nullable;

/**
 * The answers to one step's requests. Latencies are measured from each request's scheduled time,
 * not from when it was actually sent, so a target that slows the sender down is charged for it (no
 * coordinated omission). Answers arrive on the client's threads: all recording is synchronized.
 */
public final class Answers {

  private final OpenLoopSchedule schedule;
  private final Histogram succeeded = new Histogram(3);
  private final Histogram sendLag = new Histogram(3);
  private final CountDownLatch pending;
  private long errors;
  private long lastSuccessNanos;
  private @Nullable String firstError;
  private boolean closed;

  public Answers(OpenLoopSchedule schedule) {
    this.schedule = schedule;
    this.pending = new CountDownLatch(schedule.count());
  }

  public OpenLoopSchedule schedule() {
    return schedule;
  }

  /** Records how late the sender fired a request: the harness's own lag, for diagnosis. */
  public synchronized void fired(int seq, long firedNanos) {
    sendLag.recordValue(micros(firedNanos - schedule.scheduledNanos(seq)));
  }

  /** Records an HTTP answer: a 2xx is timed, anything else is an error. */
  public synchronized void answered(int seq, int status, long answerNanos) {
    if (!closed) {
      record(seq, status, answerNanos);
    }
    pending.countDown();
  }

  private void record(int seq, int status, long answerNanos) {
    if (status >= 200 && status < 300) {
      succeeded.recordValue(micros(answerNanos - schedule.scheduledNanos(seq)));
      lastSuccessNanos = Math.max(lastSuccessNanos, answerNanos);
    } else {
      error("HTTP " + status);
    }
  }

  /** Records a request that got no answer (connection refused, timeout...). */
  public synchronized void failed(Throwable error) {
    if (!closed) {
      error(error.toString());
    }
    pending.countDown();
  }

  /** From now on, answers are ignored: a request not answered yet counts as failed. */
  public synchronized void close() {
    closed = true;
  }

  private void error(String description) {
    errors++;
    if (firstError == null) {
      firstError = description;
    }
  }

  /** Waits until every request was answered or failed, or the time is up. */
  public boolean await(Duration timeout) throws InterruptedException {
    return pending.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
  }

  /** Requests answered with a 2xx. */
  public synchronized long succeeded() {
    return succeeded.getTotalCount();
  }

  /** Requests answered with another status or not at all. */
  public synchronized long errors() {
    return errors;
  }

  /** Requests still unanswered. */
  public long unanswered() {
    return pending.getCount();
  }

  public synchronized @Nullable String firstError() {
    return firstError;
  }

  /** Scheduled send time to the 2xx answer. */
  public synchronized LatencySummary latency() {
    return LatencySummary.ofMicros(succeeded);
  }

  public synchronized LatencySummary sendLag() {
    return LatencySummary.ofMicros(sendLag);
  }

  /**
   * Successful answers per second, from the first scheduled send to the last successful answer:
   * about the offered rate when the target keeps up (n answers over (n - 1) intervals plus one
   * latency).
   */
  public synchronized double achievedRate() {
    long span = lastSuccessNanos - schedule.startNanos();
    return succeeded.getTotalCount() == 0 || span <= 0
        ? 0.0
        : succeeded.getTotalCount() * (double) TimeUnit.SECONDS.toNanos(1) / span;
  }

  private static long micros(long nanos) {
    return Math.max(0, TimeUnit.NANOSECONDS.toMicros(nanos));
  }
}
