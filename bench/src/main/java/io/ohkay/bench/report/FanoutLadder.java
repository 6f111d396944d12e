package io.ohkay.bench.report;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Every step measured on one target with one subscriber count.
 *
 * @param target the target's name
 * @param subscribers streams open
 * @param connect how the subscribers connected; null when they did not get that far
 * @param steps the measured steps, in the order they ran
 * @param highestHeldRate see {@link HeldRateRule#highestHeld}; null when none held
 * @param neverFailed whether every step held, so the limit lies above the highest rate tried
 * @param problem why the ladder was not (fully) measured; null when it was
 */
public record FanoutLadder(
    String target,
    int subscribers,
    @Nullable ConnectPhase connect,
    List<FanoutStep> steps,
    @Nullable Integer highestHeldRate,
    boolean neverFailed,
    @Nullable String problem) {

  public FanoutLadder {
    steps = List.copyOf(steps);
  }

  /** A ladder measured to the end, or until {@code problem} stopped it. */
  public static FanoutLadder measured(
      String target,
      int subscribers,
      @Nullable ConnectPhase connect,
      List<FanoutStep> steps,
      HeldRateRule rule,
      @Nullable String problem) {
    var highest = rule.highestHeld(steps);
    return new FanoutLadder(
        target,
        subscribers,
        connect,
        steps,
        highest.isPresent() ? highest.getAsInt() : null,
        problem == null && rule.neverFailed(steps),
        problem);
  }

  /** The step at the highest rate held; null when none held. */
  public @Nullable FanoutStep heldStep() {
    return highestHeldRate == null
        ? null
        : steps.stream()
            .filter(s -> s.offeredRate() == highestHeldRate && s.held())
            .findFirst()
            .orElse(null);
  }

  /** The exact limit in deliveries per second; null when none held or none failed (a bound). */
  public @Nullable Double exactHeldDeliveries() {
    return highestHeldRate == null || neverFailed ? null : (double) highestHeldRate * subscribers;
  }
}
