package io.ohkay.bench.report;

import java.util.Comparator;
import java.util.List;
import java.util.OptionalInt;

/**
 * A rate is held when every message sent at it arrived and the end-to-end p99 stayed within the
 * threshold; the highest rate held is the highest step below which no step failed.
 *
 * @param p99ThresholdMillis the largest acceptable end-to-end p99
 */
public record HeldRateRule(double p99ThresholdMillis) {

  /** Whether a step with these measurements holds its rate. */
  public boolean holds(long sent, long lost, LatencySummary endToEnd) {
    return sent > 0 && lost == 0 && endToEnd.p99Millis() <= p99ThresholdMillis;
  }

  /**
   * The highest offered rate such that it and every lower measured rate held; empty when the lowest
   * rate already failed (or nothing was measured).
   */
  public OptionalInt highestHeld(List<StepResult> steps) {
    OptionalInt highest = OptionalInt.empty();
    for (StepResult step : ascending(steps)) {
      if (!step.held()) {
        return highest;
      }
      highest = OptionalInt.of(step.offeredRate());
    }
    return highest;
  }

  /** Whether every measured step held: the real limit lies above the highest rate tried. */
  public boolean neverFailed(List<StepResult> steps) {
    return !steps.isEmpty() && steps.stream().allMatch(StepResult::held);
  }

  private static List<StepResult> ascending(List<StepResult> steps) {
    return steps.stream().sorted(Comparator.comparingInt(StepResult::offeredRate)).toList();
  }
}
