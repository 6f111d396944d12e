package io.ohkay.bench.report;

import java.util.List;
import java.util.TreeSet;

/**
 * How a sign-in run was configured.
 *
 * @param rates offered sign-in rates stepped up in ascending order until the first step not held
 * @param durationSeconds sending window of each step
 * @param warmupSeconds warm-up before the first step, not measured
 * @param warmupRate offered rate during the warm-up
 * @param drainSeconds how long after a step's last send its sign-ins may still be answered; later
 *     ones count as failed
 * @param p99ThresholdMillis the sign-in p99 a step must stay within to hold its rate
 * @param minAchievedPercent the share of the offered rate a step must achieve to hold it
 * @param accounts accounts signed up before the steps; sign-ins go to them in turn
 * @param signupConcurrency sign-ups in flight at once while the accounts are created
 * @param hashSamples single-thread verifications timed one after the other for the floor
 * @param floorSeconds how long every core verifies passwords for the floor's rate
 */
public record SigninSettings(
    List<Integer> rates,
    int durationSeconds,
    int warmupSeconds,
    int warmupRate,
    int drainSeconds,
    double p99ThresholdMillis,
    double minAchievedPercent,
    int accounts,
    int signupConcurrency,
    int hashSamples,
    int floorSeconds) {

  public SigninSettings {
    rates = List.copyOf(rates);
  }

  /** Every rate to measure, ascending, without duplicates. */
  public List<Integer> plan() {
    return List.copyOf(new TreeSet<>(rates));
  }

  /** The rule that decides whether a step holds its rate. */
  public HeldRateRule rule() {
    return new HeldRateRule(p99ThresholdMillis, minAchievedPercent / 100.0);
  }
}
