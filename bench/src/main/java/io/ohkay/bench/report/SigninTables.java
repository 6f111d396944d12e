package io.ohkay.bench.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** The sign-in report's legend, its system-versus-floor comparison and its steps. */
final class SigninTables {

  private SigninTables() {}

  static String legend(SigninReport report) {
    SigninSettings settings = report.settings();
    HashFloor floor = report.floor();
    return String.format(
        Locale.ROOT,
        "Password hash: `%s` (the platform's PasswordHasher). Floor: one bare `matches` on this"
            + " machine, %d verifications one after the other (latency), then %d threads for %s s"
            + " (%d verifications: the rate no sign-in can exceed here). System: the platform"
            + " in-process on embedded Kafka and PostgreSQL, %d accounts signed up first (%s s at"
            + " %d in flight), sign-ins spread over them in turn, %d s per step after a %d s"
            + " warm-up at %d/s, latency from the scheduled send time (no coordinated omission); a"
            + " rate is held when every sign-in succeeded, the achieved rate is >= %s%% of the"
            + " offered one and p99 <= %s ms. Ratios are system / floor. %d cores, Java %s.",
        floor.parameters(),
        floor.singleThread().count(),
        floor.threads(),
        Cells.number(floor.seconds()),
        floor.verifications(),
        settings.accounts(),
        String.format(Locale.ROOT, "%.1f", report.signupSeconds()),
        settings.signupConcurrency(),
        settings.durationSeconds(),
        settings.warmupSeconds(),
        settings.warmupRate(),
        Cells.number(settings.minAchievedPercent()),
        Cells.number(settings.p99ThresholdMillis()),
        report.cores(),
        report.javaVersion());
  }

  static String comparison(SigninReport report) {
    HashFloor floor = report.floor();
    var table =
        new MarkdownTable("metric", "system sign-in", "bare hash (floor)", "system / floor");
    table.row(
        "highest rate held (/s; floor: verifications/s on " + floor.threads() + " threads)",
        Cells.heldRate(report.steps(), report.highestHeldRate(), report.neverFailed()),
        rate(floor.perSecond()),
        heldRatio(report));
    List<Integer> rates = new ArrayList<>();
    if (!report.steps().isEmpty()) {
      rates.add(report.steps().getFirst().offeredRate());
    }
    Integer held = report.highestHeldRate();
    if (held != null && !rates.contains(held)) {
      rates.add(held);
    }
    for (int rate : rates) {
      SigninStep step = report.step(rate);
      latencyRow(table, "p50 @ " + rate + "/s (ms)", p50(step), floor.singleThread().p50Millis());
      latencyRow(table, "p99 @ " + rate + "/s (ms)", p99(step), floor.singleThread().p99Millis());
    }
    return table.render();
  }

  static String steps(SigninReport report) {
    var table =
        new MarkdownTable(
            "offered /s",
            "sent",
            "ok",
            "failed",
            "achieved /s",
            "achieved %",
            "p50 ms",
            "p90 ms",
            "p99 ms",
            "p99.9 ms",
            "max ms",
            "send lag p99 ms",
            "load avg",
            "held");
    report.steps().forEach(step -> table.row(cells(step)));
    return table.render();
  }

  private static String[] cells(SigninStep step) {
    LatencySummary latency = step.latency();
    return new String[] {
      Integer.toString(step.offeredRate()),
      Long.toString(step.sent()),
      Long.toString(step.succeeded()),
      Long.toString(step.failed()),
      rate(step.achievedRate()),
      String.format(Locale.ROOT, "%.1f", step.achievedPercent()),
      Cells.millis(latency.p50Millis()),
      Cells.millis(latency.p90Millis()),
      Cells.millis(latency.p99Millis()),
      Cells.millis(latency.p999Millis()),
      Cells.millis(latency.maxMillis()),
      Cells.millis(step.sendLag().p99Millis()),
      Cells.millis(step.loadAverage()),
      step.held() ? "yes" : "no"
    };
  }

  private static void latencyRow(
      MarkdownTable table, String metric, @Nullable Double system, double floor) {
    table.row(
        metric + " vs one hash",
        system == null ? Cells.MISSING : Cells.millis(system),
        Cells.millis(floor),
        Cells.ratio(system, floor));
  }

  /** A held rate that is only a lower bound (no step failed) gives a lower-bound ratio. */
  private static String heldRatio(SigninReport report) {
    Integer held = report.highestHeldRate();
    if (held == null) {
      return Cells.MISSING;
    }
    String ratio = Cells.ratio(held.doubleValue(), report.floor().perSecond());
    return report.neverFailed() && !ratio.equals(Cells.MISSING) ? ">= " + ratio : ratio;
  }

  private static @Nullable Double p50(@Nullable SigninStep step) {
    return step == null || step.succeeded() == 0 ? null : step.latency().p50Millis();
  }

  private static @Nullable Double p99(@Nullable SigninStep step) {
    return step == null || step.succeeded() == 0 ? null : step.latency().p99Millis();
  }

  private static String rate(double perSecond) {
    return String.format(Locale.ROOT, "%.1f", perSecond);
  }
}
