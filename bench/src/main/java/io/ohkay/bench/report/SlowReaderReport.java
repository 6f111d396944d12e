package io.ohkay.bench.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The "slow-reader" report: the delivery p99 of a channel's reading subscribers without, with, and
 * again without clients that read nothing, for each target, and whether the target cut those
 * clients off. Rendered as markdown, CSV or JSON.
 *
 * @param startedAt when the run started (ISO-8601)
 * @param cores processors available to the JVM
 * @param javaVersion the JVM's version
 * @param settings how the run was configured
 * @param trials one per target, in the order they ran
 */
public record SlowReaderReport(
    String startedAt,
    int cores,
    String javaVersion,
    SlowReaderSettings settings,
    List<SlowReaderTrial> trials)
    implements BenchReport {

  private static final String CSV_HEADER =
      "half," + FanoutReport.CSV_HEADER + ",slow_readers_cut_off,slow_reader_messages";

  public SlowReaderReport {
    trials = List.copyOf(trials);
  }

  @Override
  public String scenario() {
    return "slow-reader";
  }

  @Override
  public String markdown() {
    var out = new StringBuilder();
    out.append("## A client that reads nothing: the others' delivery latency\n\n");
    out.append(legend()).append("\n\n");
    out.append(table()).append('\n');
    out.append(verdicts()).append('\n');
    out.append(halves());
    out.append(problems());
    return out.toString();
  }

  private String legend() {
    return String.format(
        Locale.ROOT,
        "%d subscribers (members with a `GET /api/stream` each) read one channel receiving %d"
            + " msg/s, three times for %d s (after a %d s warm-up): alone, then with %d more"
            + " connection(s) that opened the stream, read its `ready` and nothing after (a raw"
            + " socket with a tiny receive buffer), then alone again. Before the second half, %d"
            + " messages of %d characters fill the silent connections' kernel buffers (Linux lets"
            + " a socket queue about 1.6 MB here), so they are stalled while it is measured and"
            + " the target's own buffer for them fills. After it, the silent connections read"
            + " what they were sent (whether the target cut them off with `event: overflow`) and"
            + " close. p99 runs from each post's scheduled send time to its arrival at a reading"
            + " subscriber; the ratio divides the p99 with them by the lower of the two without"
            + " (the strict comparison: a half disturbed by something else does not excuse the"
            + " other). System: the platform in-process (connection buffer 1,000 events by"
            + " default); baseline: the bare reactor-netty broadcaster (the same 1,000). %d cores,"
            + " Java %s.",
        settings.subscribers(),
        settings.rate(),
        settings.seconds(),
        settings.warmupSeconds(),
        settings.slowReaders(),
        settings.prefillMessages(),
        settings.prefillChars(),
        cores,
        javaVersion);
  }

  private String table() {
    var table =
        new MarkdownTable(
            "target",
            "msg/s",
            "p50 without (ms)",
            "p50 with (ms)",
            "p99 without, before (ms)",
            "p99 with (ms)",
            "p99 without, after (ms)",
            "p99 with / lower without",
            "lost without / with / without",
            "cut off with overflow",
            "messages the slow readers got");
    for (SlowReaderTrial trial : trials) {
      var without = trial.without();
      var with = trial.with();
      var after = trial.after();
      var ratio = trial.p99Ratio();
      table.row(
          trial.target(),
          Integer.toString(settings.rate()),
          millis(without, false),
          millis(with, false),
          millis(without, true),
          millis(with, true),
          millis(after, true),
          ratio == null ? Cells.MISSING : Cells.ratio(ratio, 1.0),
          lost(without) + " / " + lost(with) + " / " + lost(after),
          trial.cutOff() + " / " + trial.slowReaders(),
          Long.toString(trial.slowReaderMessages()));
    }
    return table.render();
  }

  private static String millis(@Nullable FanoutStep step, boolean p99) {
    if (step == null || step.latency().count() == 0) {
      return Cells.MISSING;
    }
    return Cells.millis(p99 ? step.latency().p99Millis() : step.latency().p50Millis());
  }

  private static String lost(@Nullable FanoutStep step) {
    return step == null ? Cells.MISSING : Long.toString(step.lost());
  }

  private String verdicts() {
    return trials.stream()
        .filter(t -> t.target().equals("system"))
        .map(
            trial -> {
              var ratio = trial.p99Ratio();
              String verdict =
                  ratio == null
                      ? "not measured"
                      : (ratio <= settings.ratioTarget() ? "met" : "**missed**")
                          + " ("
                          + Cells.ratio(ratio, 1.0)
                          + ")";
              return String.format(
                  Locale.ROOT,
                  "Target system p99 with / without slow readers <= %s: %s; slow readers cut off"
                      + " with overflow: %d of %d%n",
                  Cells.number(settings.ratioTarget()),
                  verdict,
                  trial.cutOff(),
                  trial.slowReaders());
            })
        .collect(Collectors.joining());
  }

  private String halves() {
    var table = FanoutReport.stepsTable();
    for (SlowReaderTrial trial : trials) {
      for (FanoutStep step : halves(trial)) {
        table.row(FanoutReport.cells(step));
      }
    }
    return "The halves in full (without, with, without):\n\n" + table.render();
  }

  private String problems() {
    List<String> lines =
        trials.stream()
            .filter(t -> t.problem() != null)
            .map(t -> "* " + t.target() + ": " + t.problem())
            .toList();
    return lines.isEmpty() ? "" : "\nNot (fully) measured:\n\n" + String.join("\n", lines) + "\n";
  }

  @Override
  public String csv() {
    var out = new StringBuilder(CSV_HEADER).append('\n');
    for (SlowReaderTrial trial : trials) {
      String tail = "," + trial.cutOff() + "," + trial.slowReaderMessages();
      String[] names = {"without", "with", "after"};
      @Nullable FanoutStep[] steps = {trial.without(), trial.with(), trial.after()};
      for (int i = 0; i < steps.length; i++) {
        var step = steps[i];
        if (step != null) {
          out.append(names[i])
              .append(',')
              .append(FanoutReport.csvRow(step))
              .append(tail)
              .append('\n');
        }
      }
    }
    return out.toString();
  }

  private static List<FanoutStep> halves(SlowReaderTrial trial) {
    List<FanoutStep> halves = new ArrayList<>();
    for (@Nullable FanoutStep step :
        new @Nullable FanoutStep[] {trial.without(), trial.with(), trial.after()}) {
      if (step != null) {
        halves.add(step);
      }
    }
    return halves;
  }
}
