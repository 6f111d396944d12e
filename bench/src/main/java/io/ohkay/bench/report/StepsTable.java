package io.ohkay.bench.report;

/** Every measured step of every target, one row each. */
final class StepsTable {

  private StepsTable() {}

  static String render(E2eReport report) {
    MarkdownTable table =
        new MarkdownTable(
            "target",
            "offered msg/s",
            "sent",
            "delivered",
            "lost",
            "post errors",
            "p50 ms",
            "p90 ms",
            "p99 ms",
            "p99.9 ms",
            "max ms",
            "post p99 ms",
            "send lag p99 ms",
            "load avg",
            "held");
    for (TargetResult target : report.displayOrder()) {
      target.steps().forEach(step -> table.row(cells(step)));
    }
    return table.render();
  }

  private static String[] cells(StepResult step) {
    LatencySummary e2e = step.endToEnd();
    return new String[] {
      step.target(),
      Integer.toString(step.offeredRate()),
      Long.toString(step.sent()),
      Long.toString(step.delivered()),
      Long.toString(step.lost()),
      Long.toString(step.postErrors()),
      Cells.millis(e2e.p50Millis()),
      Cells.millis(e2e.p90Millis()),
      Cells.millis(e2e.p99Millis()),
      Cells.millis(e2e.p999Millis()),
      Cells.millis(e2e.maxMillis()),
      Cells.millis(step.postResponse().p99Millis()),
      Cells.millis(step.sendLag().p99Millis()),
      Cells.millis(step.loadAverage()),
      step.held() ? "yes" : "no"
    };
  }
}
