package io.ohkay.bench.report;

import java.util.Arrays;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import org.jspecify.annotations.Nullable;

/**
 * The "projector" report: messages per second the projector's own write path stores, next to a bare
 * multi-row INSERT of the same rows into the same schema, rendered as markdown, CSV or JSON.
 *
 * @param startedAt when the run started (ISO-8601)
 * @param cores processors available to the JVM
 * @param javaVersion the JVM's version
 * @param settings how the run was configured
 * @param system the projector's {@code ServerEventsApplier}
 * @param baseline one multi-row INSERT per server database and batch
 * @param problem why the run was not (fully) measured; null when it was
 */
public record ProjectorReport(
    String startedAt,
    int cores,
    String javaVersion,
    ProjectorSettings settings,
    @Nullable Throughput system,
    @Nullable Throughput baseline,
    @Nullable String problem)
    implements BenchReport {

  private static final String CSV_HEADER =
      "target,messages,batches,seconds,messages_per_s,batch_p50_ms,batch_p99_ms,batch_max_ms,"
          + "rows_stored";

  @Override
  public String scenario() {
    return "projector";
  }

  /** System / baseline messages per second; null unless both were measured. */
  public @Nullable Double ratio() {
    if (system == null || baseline == null || baseline.messagesPerSecond() == 0.0) {
      return null;
    }
    return system.messagesPerSecond() / baseline.messagesPerSecond();
  }

  /** Whether the ratio reached the target; false when there is no ratio. */
  public boolean targetMet() {
    Double ratio = ratio();
    return ratio != null && ratio >= settings.minRatio();
  }

  @Override
  public String markdown() {
    var out = new StringBuilder();
    out.append("## Projector: messages projected per second, next to a bare multi-row INSERT\n\n");
    out.append(legend()).append("\n\n");
    out.append(table());
    out.append(
        String.format(
            Locale.ROOT,
            "%nTarget: system / baseline >= %.2f: %s%n",
            settings.minRatio(),
            ratio() == null ? "not measured" : targetMet() ? "met" : "**missed**"));
    if (problem != null) {
      out.append("\nNot (fully) measured: ").append(problem).append('\n');
    }
    return out.toString();
  }

  private String legend() {
    return String.format(
        Locale.ROOT,
        "message.posted.v1 events, decoded in memory (no Kafka: this measures the projection, not"
            + " the consumer), spread round robin over %d servers and handed over %d at a time."
            + " System: the projector's ServerEventsApplier (seq guard, rows, aggregate versions"
            + " and offsets per server database, then the registry's stats, versions and offsets,"
            + " then the auth database's notifications (none here), versions and offsets,"
            + " one transaction per database and batch). Baseline: the same rows into the same"
            + " schema (one freshly migrated server database per server), one multi-row INSERT"
            + " per server database and batch, one transaction each. %d messages measured per"
            + " target in %d alternating rounds after %d warm-up messages each, on embedded"
            + " PostgreSQL (every commit flushed). %d cores, Java %s.",
        settings.servers(),
        settings.batchSize(),
        settings.messages(),
        settings.rounds(),
        settings.warmupMessages(),
        cores,
        javaVersion);
  }

  private String table() {
    var table = new MarkdownTable("metric", "system", "baseline", "system / baseline");
    table.row(
        "messages/s",
        rate(system),
        rate(baseline),
        Cells.ratio(perSecond(system), perSecond(baseline)));
    batchRow(table, "batch p50 (ms)", LatencySummary::p50Millis);
    batchRow(table, "batch p99 (ms)", LatencySummary::p99Millis);
    table.row("messages measured / rows stored", stored(system), stored(baseline), Cells.MISSING);
    return table.render();
  }

  private void batchRow(
      MarkdownTable table, String metric, ToDoubleFunction<LatencySummary> percentile) {
    Double first = batch(system, percentile);
    Double second = batch(baseline, percentile);
    table.row(
        metric,
        first == null ? Cells.MISSING : Cells.millis(first),
        second == null ? Cells.MISSING : Cells.millis(second),
        Cells.ratio(first, second));
  }

  private static @Nullable Double batch(
      @Nullable Throughput target, ToDoubleFunction<LatencySummary> percentile) {
    return target == null ? null : percentile.applyAsDouble(target.batchLatency());
  }

  private static String rate(@Nullable Throughput target) {
    return target == null
        ? Cells.MISSING
        : String.format(Locale.ROOT, "%.0f", target.messagesPerSecond());
  }

  private static @Nullable Double perSecond(@Nullable Throughput target) {
    return target == null ? null : target.messagesPerSecond();
  }

  private static String stored(@Nullable Throughput target) {
    return target == null ? Cells.MISSING : target.messages() + " / " + target.rowsStored();
  }

  @Override
  public String csv() {
    var out = new StringBuilder(CSV_HEADER).append('\n');
    for (Throughput target : Arrays.asList(system, baseline)) {
      if (target != null) {
        LatencySummary batch = target.batchLatency();
        out.append(
            String.format(
                Locale.ROOT,
                "%s,%d,%d,%.3f,%.1f,%.3f,%.3f,%.3f,%d%n",
                target.target(),
                target.messages(),
                target.batches(),
                target.seconds(),
                target.messagesPerSecond(),
                batch.p50Millis(),
                batch.p99Millis(),
                batch.maxMillis(),
                target.rowsStored()));
      }
    }
    return out.toString();
  }
}
