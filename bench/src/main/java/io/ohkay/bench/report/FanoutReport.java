package io.ohkay.bench.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The "fan-out" report: for each subscriber count, the highest message rate each target delivers to
 * every subscriber with p99 within the threshold and nothing lost, side by side with the ratio; how
 * the subscribers connected; every step. Rendered as markdown, CSV or JSON.
 *
 * @param startedAt when the run started (ISO-8601)
 * @param cores processors available to the JVM
 * @param javaVersion the JVM's version
 * @param settings how the run was configured
 * @param ladders one per target and subscriber count, in the order they ran
 */
public record FanoutReport(
    String startedAt,
    int cores,
    String javaVersion,
    FanoutSettings settings,
    List<FanoutLadder> ladders)
    implements BenchReport {

  private static final String EDGE = "edge";
  private static final String BASELINE = "baseline";

  static final String CSV_HEADER =
      "target,subscribers,offered_rate,deliveries_per_s,duration_s,sent,expected,delivered,lost,"
          + "cut_off,post_errors,p50_ms,p90_ms,p99_ms,p999_ms,max_ms,spread_p50_ms,spread_p99_ms,"
          + "post_p99_ms,send_lag_p99_ms,"
          + "bytes_per_delivery,load_average,others_cpu,held,first_error";

  public FanoutReport {
    ladders = List.copyOf(ladders);
  }

  @Override
  public String scenario() {
    return "fanout";
  }

  /** The ladder of {@code target} with {@code subscribers}; null when it did not run. */
  public @Nullable FanoutLadder ladder(String target, int subscribers) {
    return ladders.stream()
        .filter(l -> l.target().equals(target) && l.subscribers() == subscribers)
        .findFirst()
        .orElse(null);
  }

  /** {@code target} over baseline held deliveries per second; null unless both limits are exact. */
  public @Nullable Double heldRatio(String target, int subscribers) {
    var measured = ladder(target, subscribers);
    var baseline = ladder(BASELINE, subscribers);
    if (measured == null || baseline == null) {
      return null;
    }
    var first = measured.exactHeldDeliveries();
    var second = baseline.exactHeldDeliveries();
    return first == null || second == null || second == 0.0 ? null : first / second;
  }

  /**
   * The targets compared with the baseline, in the order they ran: {@code system}, {@code edge}.
   */
  List<String> compared() {
    return ladders.stream()
        .map(FanoutLadder::target)
        .filter(t -> !t.equals(BASELINE))
        .distinct()
        .toList();
  }

  @Override
  public String markdown() {
    var out = new StringBuilder();
    out.append("## Fan-out: one busy channel to many SSE subscribers\n\n");
    out.append(legend()).append("\n\n");
    out.append(comparison()).append('\n');
    out.append(ratioVerdicts()).append('\n');
    out.append(steps()).append('\n');
    out.append(connects());
    out.append(problems());
    return out.toString();
  }

  private String legend() {
    return String.format(
        Locale.ROOT,
        "One sender posts into one channel; every subscriber (a member of its server with a"
            + " `GET /api/stream` of their own) must receive every message. A delivery's latency"
            + " runs from the post's scheduled send time (open loop, no coordinated omission) to"
            + " the event's arrival at that subscriber; its spread, from the message's first"
            + " arrival at any subscriber (the fan-out alone). Each ladder starts at %d deliveries/s and"
            + " doubles the message rate until a step does not hold, then narrows the limit down"
            + " in %d more steps; a rate is held when no delivery is lost and p99 <= %s ms. %d s"
            + " per step (drain %d s), after a %d s warm-up per subscriber count. System: the"
            + " platform in-process (the edge fans each message out from the events topic)."
            + " Baseline: a bare reactor-netty broadcaster (POST → one multicast sink, each event"
            + " serialized and framed once, every subscriber writes the same bytes; no database)."
            + "%s Load generator, system, broker and PostgreSQL share the machine: %d cores,"
            + " Java %s.",
        settings.startDeliveries(),
        settings.refineSteps(),
        Cells.number(settings.p99ThresholdMillis()),
        settings.durationSeconds(),
        settings.drainSeconds(),
        settings.warmupSeconds(),
        ladders.stream().anyMatch(l -> l.target().equals(EDGE))
            ? " Edge: the same platform, server and subscribers as the system, with the bench in"
                + " the decider's place: each message is written to the server events topic as the"
                + " decider writes it (the same event, in transactions of its commit interval) and"
                + " answered when its transaction commits, so it measures the edge's fan-out from"
                + " the topic without the write path before it (command API, command topic,"
                + " decider), which the system includes."
            : "",
        cores,
        javaVersion);
  }

  private String comparison() {
    var compared = compared();
    var columns = new ArrayList<String>();
    columns.add("metric");
    columns.addAll(compared);
    columns.add(BASELINE);
    compared.forEach(target -> columns.add(target + " / " + BASELINE));
    var table = new MarkdownTable(columns.toArray(String[]::new));
    for (int subscribers : settings.subscribers()) {
      var baseline = ladder(BASELINE, subscribers);
      table.row(
          row(
              "highest rate held, " + subscribers + " subscribers (msg/s)",
              subscribers,
              FanoutReport::heldRate,
              baseline,
              true));
      table.row(
          row(
              "deliveries/s held, " + subscribers + " subscribers",
              subscribers,
              FanoutReport::heldDeliveries,
              baseline,
              true));
      table.row(
          row(
              "p99 at the rate held, " + subscribers + " subscribers (ms)",
              subscribers,
              FanoutReport::heldP99,
              baseline,
              false));
      table.row(
          row(
              "fan-out spread p99 at the rate held, " + subscribers + " subscribers (ms)",
              subscribers,
              FanoutReport::heldSpread,
              baseline,
              false));
    }
    return table.render();
  }

  /** One metric of each compared target and the baseline, then the ratios if {@code ratios}. */
  private String[] row(
      String metric,
      int subscribers,
      Function<@Nullable FanoutLadder, String> cell,
      @Nullable FanoutLadder baseline,
      boolean ratios) {
    var cells = new ArrayList<String>();
    cells.add(metric);
    compared().forEach(target -> cells.add(cell.apply(ladder(target, subscribers))));
    cells.add(cell.apply(baseline));
    for (String target : compared()) {
      var ratio = ratios ? heldRatio(target, subscribers) : null;
      cells.add(ratio == null ? Cells.MISSING : Cells.ratio(ratio, 1.0));
    }
    return cells.toArray(String[]::new);
  }

  private static String heldRate(@Nullable FanoutLadder ladder) {
    return ladder == null
        ? Cells.MISSING
        : Cells.heldRate(ladder.steps(), ladder.highestHeldRate(), ladder.neverFailed());
  }

  private static String heldDeliveries(@Nullable FanoutLadder ladder) {
    if (ladder == null || ladder.steps().isEmpty()) {
      return Cells.MISSING;
    }
    if (ladder.highestHeldRate() == null) {
      int lowest = ladder.steps().stream().mapToInt(FanoutStep::offeredRate).min().orElseThrow();
      return "< " + (long) lowest * ladder.subscribers();
    }
    return (ladder.neverFailed() ? ">= " : "")
        + (long) ladder.highestHeldRate() * ladder.subscribers();
  }

  private static String heldP99(@Nullable FanoutLadder ladder) {
    var step = ladder == null ? null : ladder.heldStep();
    return step == null ? Cells.MISSING : Cells.millis(step.latency().p99Millis());
  }

  private static String heldSpread(@Nullable FanoutLadder ladder) {
    var step = ladder == null ? null : ladder.heldStep();
    return step == null ? Cells.MISSING : Cells.millis(step.spread().p99Millis());
  }

  private String ratioVerdicts() {
    var out = new StringBuilder();
    for (String target : compared()) {
      for (int subscribers : settings.subscribers()) {
        var ratio = heldRatio(target, subscribers);
        String verdict =
            ratio == null
                ? "not judged (a limit was not found exactly)"
                : (ratio >= settings.ratioTarget() ? "met" : "**missed**")
                    + " ("
                    + Cells.ratio(ratio, 1.0)
                    + ")";
        out.append(
            String.format(
                Locale.ROOT,
                "Target %s / baseline >= %s (deliveries/s held), %d subscribers: %s%n",
                target,
                Cells.number(settings.ratioTarget()),
                subscribers,
                verdict));
      }
    }
    return out.toString();
  }

  private String steps() {
    var table = stepsTable();
    for (FanoutLadder ladder : displayOrder()) {
      ladder.steps().stream()
          .sorted(Comparator.comparingInt(FanoutStep::offeredRate))
          .forEach(step -> table.row(cells(step)));
    }
    return table.render();
  }

  /** An empty table with the columns of {@link #cells}. */
  static MarkdownTable stepsTable() {
    return new MarkdownTable(
        "target",
        "subscribers",
        "msg/s",
        "deliveries/s",
        "sent",
        "delivered",
        "lost",
        "cut off",
        "post errors",
        "p50 ms",
        "p90 ms",
        "p99 ms",
        "p99.9 ms",
        "max ms",
        "spread p99 ms",
        "post p99 ms",
        "send lag p99 ms",
        "bytes/delivery",
        "load avg",
        "others' CPU",
        "held");
  }

  /** Ladders in display order: the system first, each by subscriber count. */
  private List<FanoutLadder> displayOrder() {
    return ladders.stream()
        .sorted(
            Comparator.comparing((FanoutLadder l) -> l.target().startsWith(BASELINE))
                .thenComparing(FanoutLadder::target)
                .thenComparingInt(FanoutLadder::subscribers))
        .toList();
  }

  /** One step as a row of the steps table. */
  static String[] cells(FanoutStep step) {
    LatencySummary latency = step.latency();
    return new String[] {
      step.target(),
      Integer.toString(step.subscribers()),
      Integer.toString(step.offeredRate()),
      Long.toString(step.deliveriesPerSecond()),
      Long.toString(step.sent()),
      step.delivered() + " / " + step.expected(),
      Long.toString(step.lost()),
      Integer.toString(step.cutOff()),
      Long.toString(step.postErrors()),
      Cells.millis(latency.p50Millis()),
      Cells.millis(latency.p90Millis()),
      Cells.millis(latency.p99Millis()),
      Cells.millis(latency.p999Millis()),
      Cells.millis(latency.maxMillis()),
      Cells.millis(step.spread().p99Millis()),
      Cells.millis(step.postResponse().p99Millis()),
      Cells.millis(step.sendLag().p99Millis()),
      String.format(Locale.ROOT, "%.0f", step.bytesPerDelivery()),
      Cells.millis(step.loadAverage()),
      Cells.percent(step.othersCpu()),
      step.held() ? "yes" : "no"
    };
  }

  private String connects() {
    var table =
        new MarkdownTable(
            "target",
            "subscribers",
            "newly connected",
            "all ready after s",
            "quiet after s",
            "other events received",
            "per new subscriber",
            "by name");
    for (FanoutLadder ladder : displayOrder()) {
      var connect = ladder.connect();
      if (connect == null) {
        continue;
      }
      table.row(
          ladder.target(),
          Integer.toString(ladder.subscribers()),
          Integer.toString(connect.connected()),
          String.format(Locale.ROOT, "%.1f", connect.readySeconds()),
          String.format(
              Locale.ROOT, "%.1f%s", connect.quietSeconds(), connect.quiet() ? "" : " (not quiet)"),
          Long.toString(connect.otherEventCount()),
          connect.connected() == 0
              ? Cells.MISSING
              : String.format(
                  Locale.ROOT, "%.0f", (double) connect.otherEventCount() / connect.connected()),
          connect.otherEvents().isEmpty()
              ? Cells.MISSING
              : connect.otherEvents().entrySet().stream()
                  .map(e -> e.getKey() + " " + e.getValue())
                  .collect(Collectors.joining(", ")));
    }
    return "Connecting (steps start once no other event came for a second; the other events are"
        + " mostly presence: each member coming online is announced to every connected"
        + " co-member):\n\n"
        + table.render();
  }

  private String problems() {
    List<String> lines = new ArrayList<>();
    ladders.stream()
        .filter(l -> l.problem() != null)
        .forEach(
            l ->
                lines.add(
                    "* " + l.target() + ", " + l.subscribers() + " subscribers: " + l.problem()));
    return lines.isEmpty() ? "" : "\nNot (fully) measured:\n\n" + String.join("\n", lines) + "\n";
  }

  @Override
  public String csv() {
    var out = new StringBuilder(CSV_HEADER).append('\n');
    ladders.forEach(l -> l.steps().forEach(s -> out.append(csvRow(s)).append('\n')));
    return out.toString();
  }

  /** One step as a CSV row of {@link #CSV_HEADER}'s columns. */
  static String csvRow(FanoutStep step) {
    LatencySummary latency = step.latency();
    return String.format(
        Locale.ROOT,
        "%s,%d,%d,%d,%d,%d,%d,%d,%d,%d,%d,%.3f,%.3f,%.3f,%.3f,%.3f,%.3f,%.3f,%.3f,%.3f,%.1f,%.2f,%.3f,%b,%s",
        ResultFiles.csvText(step.target()),
        step.subscribers(),
        step.offeredRate(),
        step.deliveriesPerSecond(),
        step.durationSeconds(),
        step.sent(),
        step.expected(),
        step.delivered(),
        step.lost(),
        step.cutOff(),
        step.postErrors(),
        latency.p50Millis(),
        latency.p90Millis(),
        latency.p99Millis(),
        latency.p999Millis(),
        latency.maxMillis(),
        step.spread().p50Millis(),
        step.spread().p99Millis(),
        step.postResponse().p99Millis(),
        step.sendLag().p99Millis(),
        step.bytesPerDelivery(),
        step.loadAverage(),
        step.othersCpu(),
        step.held(),
        step.firstError() == null
            ? ""
            : ResultFiles.csvText(Objects.requireNonNull(step.firstError())));
  }
}
