package io.ohkay.bench.report;

import java.util.Arrays;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import org.jspecify.annotations.Nullable;

/**
 * The "history" report: latency of one page of a long channel's history before a random message,
 * through the platform's HTTP API next to the minimal indexed SQL, rendered as markdown, CSV or
 * JSON.
 *
 * @param startedAt when the run started (ISO-8601)
 * @param cores processors available to the JVM
 * @param javaVersion the JVM's version
 * @param settings how the run was configured
 * @param fillSeconds how long the channel took to fill (generate_series, then VACUUM ANALYZE)
 * @param system pages read through the edge's {@code GET .../messages?before=&limit=}
 * @param baseline pages read with the minimal SQL over plain JDBC
 * @param problem why the run was not (fully) measured; null when it was
 */
public record HistoryReport(
    String startedAt,
    int cores,
    String javaVersion,
    HistorySettings settings,
    double fillSeconds,
    @Nullable PageReads system,
    @Nullable PageReads baseline,
    @Nullable String problem)
    implements BenchReport {

  private static final String CSV_HEADER =
      "target,pages,p50_ms,p90_ms,p99_ms,p999_ms,max_ms,wrong_pages";

  @Override
  public String scenario() {
    return "history";
  }

  /** Whether the system's p99 is within the target and every page was right. */
  public boolean targetMet() {
    return system != null
        && system.latency().count() > 0
        && system.wrongPages() == 0
        && system.latency().p99Millis() <= settings.p99TargetMillis();
  }

  @Override
  public String markdown() {
    var out = new StringBuilder();
    out.append("## History: one page before a random message of a long channel\n\n");
    out.append(legend()).append("\n\n");
    out.append(table());
    out.append(
        String.format(
            Locale.ROOT,
            "%nTarget: system p99 <= %s ms: %s%n",
            Cells.number(settings.p99TargetMillis()),
            system == null ? "not measured" : targetMet() ? "met" : "**missed**"));
    if (problem != null) {
      out.append("\nNot (fully) measured: ").append(problem).append('\n');
    }
    return out.toString();
  }

  private String legend() {
    return String.format(
        Locale.ROOT,
        "One channel of %d messages (filled with generate_series in %.1f s, then VACUUM ANALYZE and CHECKPOINT),"
            + " pages of %d before a message drawn at random among those with a full page before"
            + " them. System: `GET /api/servers/{sid}/channels/{cid}/messages?before=<id>&limit=%d`"
            + " on the platform in-process (token check, membership and permission lookups, the"
            + " page query resolving its cursor, JSON), over HTTP/1.1 keep-alive. Baseline: `SELECT"
            + " ... FROM messages WHERE channel_id = ? AND seq < ? ORDER BY seq DESC LIMIT %d`"
            + " over plain JDBC (prepared once, seq known). One page at a time, the targets"
            + " alternating on the same cursors, %d pages each after %d warm-up pages. %d cores,"
            + " Java %s.",
        settings.messages(),
        fillSeconds,
        settings.pageSize(),
        settings.pageSize(),
        settings.pageSize(),
        settings.samples(),
        settings.warmupSamples(),
        cores,
        javaVersion);
  }

  private String table() {
    var table = new MarkdownTable("metric", "system", "baseline", "system / baseline");
    row(table, "p50 (ms)", LatencySummary::p50Millis);
    row(table, "p90 (ms)", LatencySummary::p90Millis);
    row(table, "p99 (ms)", LatencySummary::p99Millis);
    row(table, "p99.9 (ms)", LatencySummary::p999Millis);
    row(table, "max (ms)", LatencySummary::maxMillis);
    table.row("pages read / wrong", pages(system), pages(baseline), Cells.MISSING);
    return table.render();
  }

  private void row(MarkdownTable table, String metric, ToDoubleFunction<LatencySummary> value) {
    Double first = value(system, value);
    Double second = value(baseline, value);
    table.row(
        metric,
        first == null ? Cells.MISSING : Cells.millis(first),
        second == null ? Cells.MISSING : Cells.millis(second),
        Cells.ratio(first, second));
  }

  private static @Nullable Double value(
      @Nullable PageReads reads, ToDoubleFunction<LatencySummary> value) {
    return reads == null || reads.latency().count() == 0
        ? null
        : value.applyAsDouble(reads.latency());
  }

  private static String pages(@Nullable PageReads reads) {
    return reads == null ? Cells.MISSING : reads.latency().count() + " / " + reads.wrongPages();
  }

  @Override
  public String csv() {
    var out = new StringBuilder(CSV_HEADER).append('\n');
    for (PageReads reads : Arrays.asList(system, baseline)) {
      if (reads != null) {
        LatencySummary latency = reads.latency();
        out.append(
            String.format(
                Locale.ROOT,
                "%s,%d,%.3f,%.3f,%.3f,%.3f,%.3f,%d%n",
                reads.target(),
                latency.count(),
                latency.p50Millis(),
                latency.p90Millis(),
                latency.p99Millis(),
                latency.p999Millis(),
                latency.maxMillis(),
                reads.wrongPages()));
      }
    }
    return out.toString();
  }
}
