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
    double ratioTarget) {

  public FanoutSettings {
    subscribers = List.copyOf(subscribers);
  }

  /** The rule that decides whether a step holds its rate. */
  public HeldRateRule rule() {
    return new HeldRateRule(p99ThresholdMillis);
  }

  /** The message rate of a ladder's first step for {@code subscribers} subscribers. */
  public int firstRate(int subscribers) {
    return Math.min(maxRate, Math.max(1, startDeliveries / subscribers));
  }
}
