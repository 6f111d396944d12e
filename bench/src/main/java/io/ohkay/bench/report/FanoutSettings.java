package io.ohkay.bench.report;

import java.util.List;

/**
 * How a fan-out run was configured.
 *
 * @param subscribers the subscriber counts measured, ascending (each target's subscribers connect
 *     in that order, the ones already connected staying)
 * @param startDeliveries deliveries per second of each ladder's first step: its message rate is
 *     this divided by the subscribers (at least 1)
 * @param maxRate the highest message rate tried
 * @param refineSteps steps that narrow the limit down between the last rate held and the first not
 *     held, once the doubling found it
 * @param durationSeconds sending window of each step
 * @param warmupSeconds unmeasured sending at the first step's rate before each ladder
 * @param drainSeconds how long after a step's last send its deliveries may still arrive; later ones
 *     are lost
 * @param p99ThresholdMillis the delivery p99 a step must stay within to hold its rate
 * @param ratioTarget the target for the system's held deliveries per second over the baseline's
 * @param slowReaders connections that open the stream and never read, in the slow-reader trial (0:
 *     no trial)
 * @param slowReaderSubscribers the subscriber count of the slow-reader trial
 * @param slowReaderShare the trial's message rate as a share of the rate the target held there
 * @param slowReaderSeconds sending window of each half of the trial, at least
 * @param slowReaderMessages messages each half of the trial sends at least (its window grows to
 *     send them, up to a minute): enough to fill every buffer between the target and a client that
 *     does not read, so the target has to deal with it
 * @param slowReaderTarget the target for the others' p99 with the slow readers over without
 */
public record FanoutSettings(
    List<Integer> subscribers,
    int startDeliveries,
    int maxRate,
    int refineSteps,
    int durationSeconds,
    int warmupSeconds,
    int drainSeconds,
    double p99ThresholdMillis,
    double ratioTarget,
    int slowReaders,
    int slowReaderSubscribers,
    double slowReaderShare,
    int slowReaderSeconds,
    int slowReaderMessages,
    double slowReaderTarget) {

  private static final int MAX_SLOW_READER_SECONDS = 60;

  public FanoutSettings {
    subscribers = List.copyOf(subscribers);
  }

  /** The rule that decides whether a step holds its rate. */
  public HeldRateRule rule() {
    return new HeldRateRule(p99ThresholdMillis);
  }

  /** The sending window of each half of the slow-reader trial at {@code rate} msg/s. */
  public int slowReaderSeconds(int rate) {
    int needed = (slowReaderMessages + rate - 1) / rate;
    return Math.max(slowReaderSeconds, Math.min(MAX_SLOW_READER_SECONDS, needed));
  }

  /** The message rate of a ladder's first step for {@code subscribers} subscribers. */
  public int firstRate(int subscribers) {
    return Math.min(maxRate, Math.max(1, startDeliveries / subscribers));
  }
}
