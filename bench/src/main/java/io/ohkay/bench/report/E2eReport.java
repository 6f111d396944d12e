package io.ohkay.bench.report;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The "message end to end" report: every target measured in one run, with the settings and the
 * machine, rendered as markdown, CSV or JSON.
 *
 * @param startedAt when the run started (ISO-8601)
 * @param cores processors available to the JVM
 * @param javaVersion the JVM's version
 * @param settings how the run was configured
 * @param targets one result per target, in the order they ran
 */
public record E2eReport(
    String startedAt,
    int cores,
    String javaVersion,
    RunSettings settings,
    List<TargetResult> targets)
    implements BenchReport {

  private static final String DM_LEGEND =
      "The -dm targets send direct messages: message i comes from sender i mod n, each sender in"
          + " a conversation of their own with the user whose stream receives them (system-dm:"
          + " n users, n conversations; baseline-dm: n channels of the baseline).";

  public E2eReport {
    targets = List.copyOf(targets);
  }

  @Override
  public String scenario() {
    return "e2e";
  }

  @Override
  public String csv() {
    return ResultFiles.csv(this);
  }

  /** Targets in display order: the baselines last, so ratios read "system / baseline". */
  public List<TargetResult> displayOrder() {
    return targets.stream()
        .sorted(Comparator.comparing(t -> t.target().startsWith("baseline")))
        .toList();
  }

  /** The markdown report: headline comparison, every step, and what was not measured. */
  @Override
  public String markdown() {
    var out = new StringBuilder();
    out.append("## Message end to end: POST to SSE arrival, open loop\n\n");
    out.append(legend()).append("\n\n");
    if (targets.stream().anyMatch(t -> t.target().endsWith("-dm"))) {
      out.append(DM_LEGEND).append("\n\n");
    }
    out.append(ComparisonTable.render(this)).append('\n');
    out.append(StepsTable.render(this));
    out.append(problems());
    return out.toString();
  }

  private String legend() {
    return String.format(
        Locale.ROOT,
        "%d s per step after a %d s warm-up at %d msg/s, %d s drain; latency measured from the"
            + " scheduled send time (no coordinated omission); a rate is held when no message is"
            + " lost and p99 <= %s ms. Ratios are first / second column (< 1: lower latency, > 1:"
            + " higher held rate). %d cores, Java %s.",
        settings.durationSeconds(),
        settings.warmupSeconds(),
        settings.warmupRate(),
        settings.drainSeconds(),
        Cells.number(settings.p99ThresholdMillis()),
        cores,
        javaVersion);
  }

  private String problems() {
    String lines =
        targets.stream()
            .filter(t -> t.problem() != null)
            .map(t -> "* " + t.target() + ": " + t.problem())
            .collect(Collectors.joining("\n"));
    return lines.isEmpty() ? "" : "\nNot (fully) measured:\n\n" + lines + "\n";
  }
}
