package io.ohkay.bench.report;

import org.jspecify.annotations.Nullable;

/**
 * What the platform did at one offered sign-in rate.
 *
 * @param offeredRate sign-ins per second sent on the fixed schedule
 * @param durationSeconds length of the sending window
 * @param sent sign-ins scheduled and sent
 * @param succeeded sign-ins answered 200 (a session opened)
 * @param failed sign-ins answered otherwise, not at all, or not before the drain deadline
 * @param achievedRate successful sign-ins per second, from the first scheduled send to the last
 *     successful answer
 * @param latency scheduled send time to the 200 answer
 * @param sendLag scheduled send time to the moment the harness fired the sign-in: when high, the
 *     load generator itself could not keep the schedule
 * @param loadAverage the machine's 1-minute load average at the end of the step (this process
 *     included)
 * @param held whether the step met the {@link HeldRateRule}
 * @param firstError the first failure, for diagnosis
 */
public record SigninStep(
    int offeredRate,
    int durationSeconds,
    long sent,
    long succeeded,
    long failed,
    double achievedRate,
    LatencySummary latency,
    LatencySummary sendLag,
    double loadAverage,
    boolean held,
    @Nullable String firstError)
    implements RateStep {

  /** Achieved / offered rate, in percent. */
  public double achievedPercent() {
    return 100.0 * achievedRate / offeredRate;
  }
}
