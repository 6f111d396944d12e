package io.ohkay.bench.report;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Every step measured on one target.
 *
 * @param target the target's name
 * @param steps the measured steps, in the order they ran
 * @param highestHeldRate see {@link HeldRateRule#highestHeld}; null when none held
 * @param neverFailed whether every step held, so the limit lies above the highest rate tried
 * @param problem why the target was not (fully) measured; null when it was
 */
public record TargetResult(
    String target,
    List<StepResult> steps,
    @Nullable Integer highestHeldRate,
    boolean neverFailed,
    @Nullable String problem) {

  public TargetResult {
    steps = List.copyOf(steps);
  }

  /** A target measured to the end, or until {@code problem} stopped it. */
  public static TargetResult measured(
      String target, List<StepResult> steps, HeldRateRule rule, @Nullable String problem) {
    var highest = rule.highestHeld(steps);
    return new TargetResult(
        target,
        steps,
        highest.isPresent() ? highest.getAsInt() : null,
        problem == null && rule.neverFailed(steps),
        problem);
  }

  /** A target that could not be started. */
  public static TargetResult notRun(String target, String problem) {
    return new TargetResult(target, List.of(), null, false, problem);
  }

  /** The step at this offered rate, if it was measured. */
  public @Nullable StepResult step(int offeredRate) {
    return steps.stream().filter(s -> s.offeredRate() == offeredRate).findFirst().orElse(null);
  }
}
