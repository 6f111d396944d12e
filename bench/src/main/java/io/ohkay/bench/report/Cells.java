package io.ohkay.bench.report;

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

  static String ratio(@Nullable Double first, @Nullable Double second) {
    if (first == null || second == null || second == 0.0) {
      return MISSING;
    }
    return String.format(Locale.ROOT, "%.2fx", first / second);
  }

  /** The highest rate held, with its bound when the run never found the limit. */
  static String heldRate(TargetResult target) {
    if (target.steps().isEmpty()) {
      return MISSING;
    }
    if (target.highestHeldRate() == null) {
      return "< " + target.steps().getFirst().offeredRate();
    }
    return (target.neverFailed() ? ">= " : "") + target.highestHeldRate();
  }
}
