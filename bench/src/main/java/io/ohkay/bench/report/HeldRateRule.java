package io.ohkay.bench.report;

import java.util.Comparator;
import java.util.List;
import java.util.OptionalInt;

/**
 * A rate is held when every request sent at it succeeded (a message arrived, a sign-in was answered
 * 2xx), the p99 latency stayed within the threshold and, where the rate actually achieved is
 * measured, it reached the given share of the offered rate; the highest rate held is the highest
 * step below which no step failed.
 *
 * @param p99ThresholdMillis the largest acceptable p99 latency
 * @param minAchievedShare the smallest acceptable achieved / offered rate (0 when not measured)
 */
public record HeldRateRule(double p99ThresholdMillis, double minAchievedShare) {

  /** A rule on losses and latency only. */
  public HeldRateRule(double p99ThresholdMillis) {
    this(p99ThresholdMillis, 0.0);
  }

  /** Whether a step with these measurements holds its rate. */
  public boolean holds(long sent, long lost, LatencySummary latency) {
    return sent > 0 && lost == 0 && latency.p99Millis() <= p99ThresholdMillis;
  }

  /** Whether a step with these measurements, achieving this share of its rate, holds it. */
  public boolean holds(long sent, long failed, LatencySummary latency, double achievedShare) {
    return holds(sent, failed, latency) && achievedShare >= minAchievedShare;
  }

  /**
   * The highest offered rate such that it and every lower measured rate held; empty when the lowest
   * rate already failed (or nothing was measured).
   */
  public OptionalInt highestHeld(List<? extends RateStep> steps) {
    OptionalInt highest = OptionalInt.empty();
    for (RateStep step : ascending(steps)) {
      if (!step.held()) {
        return highest;
      }
      highest = OptionalInt.of(step.offeredRate());
    }
    return highest;
  }

  /** Whether every measured step held: the real limit lies above the highest rate tried. */
  public boolean neverFailed(List<? extends RateStep> steps) {
    return !steps.isEmpty() && steps.stream().allMatch(RateStep::held);
  }

  private static List<? extends RateStep> ascending(List<? extends RateStep> steps) {
    return steps.stream().sorted(Comparator.comparingInt(RateStep::offeredRate)).toList();
  }
}
