package io.ohkay.bench.report;

import java.util.List;
import java.util.TreeSet;

/**
 * How a run was configured.
 *
 * @param rates offered rates stepped up in ascending order until the first step that does not hold
 * @param headlineRates rates always measured (even past the first failure) and compared side by
 *     side
 * @param durationSeconds sending window of each step
 * @param warmupSeconds warm-up before the first step, not measured
 * @param warmupRate offered rate during the warm-up
 * @param drainSeconds how long after a step's last send its messages may still arrive; later ones
 *     are lost
 * @param p99ThresholdMillis the end-to-end p99 a step must stay within to hold its rate
 */
public record RunSettings(
    List<Integer> rates,
    List<Integer> headlineRates,
    int durationSeconds,
    int warmupSeconds,
    int warmupRate,
    int drainSeconds,
    double p99ThresholdMillis) {

  public RunSettings {
    rates = List.copyOf(rates);
    headlineRates = List.copyOf(headlineRates);
  }

  /** Every rate to measure, ascending, without duplicates. */
  public List<Integer> plan() {
    var all = new TreeSet<>(rates);
    all.addAll(headlineRates);
    return List.copyOf(all);
  }

  /** The rule that decides whether a step holds its rate. */
  public HeldRateRule rule() {
    return new HeldRateRule(p99ThresholdMillis);
  }
}
