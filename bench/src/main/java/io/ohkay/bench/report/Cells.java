package io.ohkay.bench.report;

import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** How numbers are written in tables and CSV. */
final class Cells {

  static final String MISSING = "-";

  private Cells() {}

  static String millis(double millis) {
    return String.format(Locale.ROOT, "%.2f", millis);
  }

  static String number(double value) {
    return value == Math.rint(value)
        ? Long.toString((long) value)
        : String.format(Locale.ROOT, "%.2f", value);
  }

  /** A share (0 to 1) as a whole percentage; "-" when unknown (NaN). */
  static String percent(double share) {
    return Double.isNaN(share) ? MISSING : String.format(Locale.ROOT, "%.0f %%", share * 100);
  }

  static String ratio(@Nullable Double first, @Nullable Double second) {
    if (first == null || second == null || second == 0.0) {
      return MISSING;
    }
    return String.format(Locale.ROOT, "%.2fx", first / second);
  }

  /** The highest rate held, with its bound when the run never found the limit. */
  static String heldRate(TargetResult target) {
    return heldRate(target.steps(), target.highestHeldRate(), target.neverFailed());
  }

  /** The highest rate held: "< lowest" when none held, ">= highest" when none failed. */
  static String heldRate(
      List<? extends RateStep> steps, @Nullable Integer highestHeld, boolean neverFailed) {
    if (steps.isEmpty()) {
      return MISSING;
    }
    if (highestHeld == null) {
      return "< " + steps.stream().mapToInt(RateStep::offeredRate).min().orElseThrow();
    }
    return (neverFailed ? ">= " : "") + highestHeld;
  }
}
