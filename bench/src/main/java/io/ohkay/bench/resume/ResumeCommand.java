package io.ohkay.bench.resume;

import io.ohkay.bench.command.ScenarioCommandLine;
import io.ohkay.bench.report.ResumeReport;
import io.ohkay.bench.report.ResumeSettings;
import io.ohkay.bench.report.ResumeSource;
import io.ohkay.bench.target.Target;
import java.io.IOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import reactor.netty.resources.LoopResources;

/**
 * {@code resume}: the time to replay a batch of missed messages to a client reconnecting with
 * {@code Last-Event-ID}, from the edge's memory and read back from Kafka (each a platform of its
 * own, one after the other). Prints the markdown report on stdout (progress on stderr) and writes
 * it with CSV and JSON under the results directory. Exit code 0 when every replay was measured and
 * right, 3 when not.
 */
@Command(
    name = "resume",
    mixinStandardHelpOptions = true,
    description = "Resume cost: replay N missed events on reconnect, from memory and from Kafka.")
public final class ResumeCommand implements Callable<Integer> {

  /**
   * A way to start the system for one source.
   *
   * @param setting how the platform is configured for it, as the report says
   * @param start starts it
   */
  public record Source(String setting, Supplier<? extends Target> start) {}

  private final Map<String, Source> catalog;

  @Mixin private ScenarioCommandLine commandLine = new ScenarioCommandLine();

  /** Messages missed, all replayed. */
  @Option(
      names = "--missed",
      defaultValue = "10000",
      description = "Messages posted while the client is away. Default: ${DEFAULT-VALUE}.")
  private int missed;

  /** Reconnections measured per source. */
  @Option(
      names = "--replays",
      defaultValue = "5",
      description = "Reconnections from the same cursor per source. Default: ${DEFAULT-VALUE}.")
  private int replays;

  /** Posts in flight at once. */
  @Option(
      names = "--post-concurrency",
      defaultValue = "64",
      description = "Posts in flight at once. Default: ${DEFAULT-VALUE}.")
  private int postConcurrency;

  /** Sources measured, in this order. */
  @Option(
      names = "--sources",
      split = ",",
      defaultValue = "memory,kafka",
      description = "Where the replay comes from, in this order. Default: ${DEFAULT-VALUE}.")
  private List<String> sources = List.of();

  /** A command measuring the sources of {@code catalog}, opened by name. */
  public ResumeCommand(Map<String, Source> catalog) {
    this.catalog = Map.copyOf(catalog);
  }

  @Override
  public Integer call() throws IOException, InterruptedException {
    var settings = validatedSettings();
    String startedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
    List<ResumeSource> measured = new ArrayList<>();
    var loops = LoopResources.create("bench-resume", 2, true);
    try {
      var scenario = new ResumeScenario(settings, loops, commandLine.err());
      for (String name : sources) {
        measured.add(measure(name, scenario));
      }
    } finally {
      loops.disposeLater().block();
    }
    var report =
        new ResumeReport(
            startedAt,
            Runtime.getRuntime().availableProcessors(),
            Runtime.version().toString(),
            settings,
            measured);
    commandLine.publish(report);
    return report.allRight() ? 0 : 3;
  }

  private ResumeSource measure(String name, ResumeScenario scenario) throws InterruptedException {
    var source = catalog.get(name);
    commandLine.err().println("[" + name + "] starting the platform with " + source.setting());
    commandLine.err().flush();
    Target target;
    try {
      target = source.start().get();
    } catch (RuntimeException cannotStart) {
      String reason = Objects.requireNonNullElse(cannotStart.getMessage(), cannotStart.toString());
      return new ResumeSource(name, source.setting(), List.of(), "not run: " + reason);
    }
    try (target) {
      return scenario.measure(name, source.setting(), target);
    }
  }

  private ResumeSettings validatedSettings() {
    commandLine.requirePositive(
        "--missed, --replays, --post-concurrency", List.of(missed, replays, postConcurrency));
    commandLine.require(!sources.isEmpty(), "--sources needs at least one source");
    for (String name : sources) {
      commandLine.require(
          catalog.containsKey(name), "unknown source " + name + ", known: " + catalog.keySet());
    }
    return new ResumeSettings(missed, replays, postConcurrency);
  }
}
