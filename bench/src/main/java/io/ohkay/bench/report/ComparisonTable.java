package io.ohkay.bench.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/** Headline numbers of every scenario's targets side by side, with the ratio when there are two. */
final class ComparisonTable {

  private ComparisonTable() {}

  /** One table per scenario (channel, direct messages), each system beside its baseline. */
  static String render(E2eReport report) {
    Map<String, List<TargetResult>> scenarios =
        report.displayOrder().stream()
            .collect(
                Collectors.groupingBy(
                    t -> scenarioOf(t.target()), LinkedHashMap::new, Collectors.toList()));
    return scenarios.values().stream()
        .map(targets -> render(report, targets))
        .collect(Collectors.joining("\n"));
  }

  /** What a target measures: its name without {@code system}/{@code baseline} ("" or "-dm"). */
  private static String scenarioOf(String target) {
    return target.replaceFirst("^(system|baseline)", "");
  }

  private static String render(E2eReport report, List<TargetResult> targets) {
    MarkdownTable table = new MarkdownTable(headers(targets));
    for (int rate : report.settings().headlineRates()) {
      row(table, targets, "p50 @ " + rate + " msg/s (ms)", rate, s -> s.endToEnd().p50Millis());
      row(table, targets, "p99 @ " + rate + " msg/s (ms)", rate, s -> s.endToEnd().p99Millis());
      lostRow(table, targets, rate);
    }
    heldRow(table, targets);
    return table.render();
  }

  private static String[] headers(List<TargetResult> targets) {
    List<String> headers = new ArrayList<>();
    headers.add("metric");
    targets.forEach(t -> headers.add(t.target()));
    if (targets.size() == 2) {
      headers.add(targets.get(0).target() + " / " + targets.get(1).target());
    }
    return headers.toArray(String[]::new);
  }

  private static void row(
      MarkdownTable table,
      List<TargetResult> targets,
      String metric,
      int rate,
      Function<StepResult, Double> value) {
    List<@Nullable Double> values = new ArrayList<>();
    for (TargetResult target : targets) {
      StepResult step = target.step(rate);
      values.add(step == null || step.delivered() == 0 ? null : value.apply(step));
    }
    List<String> cells = new ArrayList<>();
    cells.add(metric);
    values.forEach(v -> cells.add(v == null ? Cells.MISSING : Cells.millis(v)));
    if (targets.size() == 2) {
      cells.add(Cells.ratio(values.get(0), values.get(1)));
    }
    table.row(cells.toArray(String[]::new));
  }

  private static void lostRow(MarkdownTable table, List<TargetResult> targets, int rate) {
    List<String> cells = new ArrayList<>();
    cells.add("lost @ " + rate + " msg/s");
    for (TargetResult target : targets) {
      StepResult step = target.step(rate);
      cells.add(step == null ? Cells.MISSING : step.lost() + " / " + step.sent());
    }
    if (targets.size() == 2) {
      cells.add(Cells.MISSING);
    }
    table.row(cells.toArray(String[]::new));
  }

  private static void heldRow(MarkdownTable table, List<TargetResult> targets) {
    List<String> cells = new ArrayList<>();
    cells.add("highest rate held (msg/s)");
    targets.forEach(t -> cells.add(Cells.heldRate(t)));
    if (targets.size() == 2) {
      cells.add(heldRatio(targets.get(0), targets.get(1)));
    }
    table.row(cells.toArray(String[]::new));
  }

  /** Only exact limits are compared: a bound (never failed, or failed at once) has no ratio. */
  private static String heldRatio(TargetResult first, TargetResult second) {
    return Cells.ratio(exactHeld(first), exactHeld(second));
  }

  private static @Nullable Double exactHeld(TargetResult target) {
    Integer held = target.highestHeldRate();
    return held == null || target.neverFailed() ? null : held.doubleValue();
  }
}
