package io.ohkay.bench.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.ToDoubleFunction;
import org.jspecify.annotations.Nullable;

/**
 * The "resume" report: how long a client that missed a batch of messages takes to get them all
 * back, in order, when it reconnects with {@code Last-Event-ID}, served from the edge's memory and
 * read back from Kafka. The system alone: the baseline has no resume. Rendered as markdown, CSV or
 * JSON.
 *
 * @param startedAt when the run started (ISO-8601)
 * @param cores processors available to the JVM
 * @param javaVersion the JVM's version
 * @param settings how the run was configured
 * @param sources one per edge configuration, in the order they ran
 */
public record ResumeReport(
    String startedAt,
    int cores,
    String javaVersion,
    ResumeSettings settings,
    List<ResumeSource> sources)
    implements BenchReport {

  private static final String CSV_HEADER =
      "source,attempt,events,first_event_ms,ready_ms,events_per_s,complete,in_order,others_cpu,"
          + "failure";

  public ResumeReport {
    sources = List.copyOf(sources);
  }

  @Override
  public String scenario() {
    return "resume";
  }

  /** Whether every source was measured and every replay was right. */
  public boolean allRight() {
    return !sources.isEmpty()
        && sources.stream()
            .allMatch(
                s ->
                    s.problem() == null
                        && !s.replays().isEmpty()
                        && s.replays().stream().allMatch(ReplayRun::right));
  }

  @Override
  public String markdown() {
    var out = new StringBuilder();
    out.append("## Resume: replaying missed events to a reconnecting client\n\n");
    out.append(legend()).append("\n\n");
    out.append(summary()).append('\n');
    out.append(runs());
    out.append(problems());
    return out.toString();
  }

  private String legend() {
    return String.format(
        Locale.ROOT,
        "A client opens `GET /api/stream`, gets `ready` and disconnects; %d messages are posted to"
            + " its server (%d in flight at once) while a second stream of the same user watches"
            + " them arrive live, which gives the feed's order. The client then reconnects with"
            + " `Last-Event-ID` = its `ready`'s id, %d times from the same cursor: each time is"
            + " measured from the request to `ready`, and the replay must hold every missed"
            + " message once, in the feed's order, before `ready`. `memory`: the edge serves the"
            + " positions it keeps (`ohkay.edge.resume-memory-records`, default 20000); `kafka`:"
            + " the platform runs with `--ohkay.edge.resume-memory-records=0`, so every replay is"
            + " read back from the events topic. The baseline has no resume (the bare broadcaster"
            + " and seed 004's sockets only send what happens while a client is connected): these"
            + " are the system's numbers alone. %d cores, Java %s.",
        settings.missed(),
        settings.postConcurrency(),
        settings.replays(),
        cores,
        javaVersion);
  }

  private String summary() {
    List<String> headers = new ArrayList<>();
    headers.add("metric");
    sources.forEach(s -> headers.add(s.source()));
    var table = new MarkdownTable(headers.toArray(String[]::new));
    row(table, "time to ready, median (ms)", ReplayRun::readyMillis, Cells::millis);
    range(table);
    row(
        table,
        "replayed events/s, median",
        ReplayRun::eventsPerSecond,
        v -> Cells.number(Math.rint(v)));
    row(
        table,
        "time to the first replayed event, median (ms)",
        ReplayRun::firstEventMillis,
        Cells::millis);
    List<String> right = new ArrayList<>();
    right.add("replays complete and in order");
    sources.forEach(
        s ->
            right.add(
                s.replays().stream().filter(ReplayRun::right).count()
                    + " / "
                    + s.replays().size()));
    table.row(right.toArray(String[]::new));
    return table.render();
  }

  private void row(
      MarkdownTable table,
      String metric,
      ToDoubleFunction<ReplayRun> value,
      java.util.function.DoubleFunction<String> format) {
    List<String> cells = new ArrayList<>();
    cells.add(metric);
    for (ResumeSource source : sources) {
      var median = median(source, value);
      cells.add(median == null ? Cells.MISSING : format.apply(median));
    }
    table.row(cells.toArray(String[]::new));
  }

  private void range(MarkdownTable table) {
    List<String> cells = new ArrayList<>();
    cells.add("time to ready, first / min / max (ms)");
    for (ResumeSource source : sources) {
      var ready = measured(source).stream().mapToDouble(ReplayRun::readyMillis).toArray();
      cells.add(
          ready.length == 0
              ? Cells.MISSING
              : Cells.millis(ready[0])
                  + " / "
                  + Cells.millis(java.util.Arrays.stream(ready).min().orElseThrow())
                  + " / "
                  + Cells.millis(java.util.Arrays.stream(ready).max().orElseThrow()));
    }
    table.row(cells.toArray(String[]::new));
  }

  /** The median over the right replays; null when there is none. */
  static @Nullable Double median(ResumeSource source, ToDoubleFunction<ReplayRun> value) {
    double[] values = measured(source).stream().mapToDouble(value).sorted().toArray();
    if (values.length == 0) {
      return null;
    }
    int middle = values.length / 2;
    return values.length % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
  }

  private static List<ReplayRun> measured(ResumeSource source) {
    return source.replays().stream().filter(ReplayRun::right).toList();
  }

  private String runs() {
    var table =
        new MarkdownTable(
            "source",
            "setting",
            "replay",
            "events",
            "first event ms",
            "ready ms",
            "events/s",
            "complete",
            "in order",
            "others' CPU",
            "failure");
    for (ResumeSource source : sources) {
      for (ReplayRun run : source.replays()) {
        table.row(
            source.source(),
            source.setting(),
            Integer.toString(run.attempt()),
            Long.toString(run.events()),
            Cells.millis(run.firstEventMillis()),
            Cells.millis(run.readyMillis()),
            String.format(Locale.ROOT, "%.0f", run.eventsPerSecond()),
            run.complete() ? "yes" : "no",
            run.inOrder() ? "yes" : "no",
            Cells.percent(run.othersCpu()),
            run.failure() == null ? Cells.MISSING : Objects.requireNonNull(run.failure()));
      }
    }
    return table.render();
  }

  private String problems() {
    List<String> lines =
        sources.stream()
            .filter(s -> s.problem() != null)
            .map(s -> "* " + s.source() + ": " + s.problem())
            .toList();
    return lines.isEmpty() ? "" : "\nNot (fully) measured:\n\n" + String.join("\n", lines) + "\n";
  }

  @Override
  public String csv() {
    var out = new StringBuilder(CSV_HEADER).append('\n');
    for (ResumeSource source : sources) {
      for (ReplayRun run : source.replays()) {
        out.append(
            String.format(
                Locale.ROOT,
                "%s,%d,%d,%.3f,%.3f,%.1f,%b,%b,%.3f,%s%n",
                source.source(),
                run.attempt(),
                run.events(),
                run.firstEventMillis(),
                run.readyMillis(),
                run.eventsPerSecond(),
                run.complete(),
                run.inOrder(),
                run.othersCpu(),
                run.failure() == null
                    ? ""
                    : ResultFiles.csvText(Objects.requireNonNull(run.failure()))));
      }
    }
    return out.toString();
  }
}
