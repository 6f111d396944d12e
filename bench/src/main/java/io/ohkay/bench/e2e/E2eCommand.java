package io.ohkay.bench.e2e;

import io.ohkay.bench.command.ScenarioCommandLine;
import io.ohkay.bench.command.TargetRun;
import io.ohkay.bench.command.TargetsOption;
import io.ohkay.bench.report.E2eReport;
import io.ohkay.bench.report.RunSettings;
import io.ohkay.bench.report.TargetResult;
import io.ohkay.bench.target.Target;
import java.io.IOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import reactor.netty.resources.LoopResources;

/**
 * {@code e2e}: time from the POST of a message to its arrival on an SSE client, for each target in
 * turn, in one run. Prints the markdown report on stdout (progress on stderr) and writes it with
 * CSV and JSON under the results directory. Exit code 0 when every target was fully measured, 3
 * when one was not (e.g. the system target is not available).
 */
@Command(
    name = "e2e",
    mixinStandardHelpOptions = true,
    description = "Message end to end: POST to SSE arrival, open loop, system and baseline.")
public final class E2eCommand implements Callable<Integer> {

  private final Map<String, Supplier<? extends Target>> catalog;

  @Mixin private ScenarioCommandLine commandLine = new ScenarioCommandLine();

  @Mixin private TargetsOption targets = new TargetsOption();

  /** Offered rates (msg/s) stepped up until the first one not held. */
  @Option(
      names = "--rates",
      split = ",",
      defaultValue = "200,500,1000,1500,2000,3000,4000,5000,6000,8000",
      description = "Rates (msg/s) stepped up until the first not held. Default: ${DEFAULT-VALUE}.")
  private List<Integer> rates = List.of();

  /** Rates always measured and compared side by side, even after a step failed. */
  @Option(
      names = "--headline-rates",
      split = ",",
      defaultValue = "200,1000",
      description = "Rates always measured and compared. Default: ${DEFAULT-VALUE}.")
  private List<Integer> headlineRates = List.of();

  /** Warm-up before the first step, in seconds (0 for none). */
  @Option(
      names = "--warmup-seconds",
      defaultValue = "5",
      description = "Unmeasured warm-up of each target, 0 for none. Default: ${DEFAULT-VALUE}.")
  private int warmupSeconds;

  /** Offered rate during the warm-up. */
  @Option(
      names = "--warmup-rate",
      defaultValue = "200",
      description = "Rate (msg/s) of the warm-up. Default: ${DEFAULT-VALUE}.")
  private int warmupRate;

  /** Seconds after a step's last send during which its messages may still arrive. */
  @Option(
      names = "--drain-seconds",
      defaultValue = "5",
      description =
          "Wait after a step's last send; messages not arrived by then are lost."
              + " Default: ${DEFAULT-VALUE}.")
  private int drainSeconds;

  /** The end-to-end p99 (ms) a step must stay within to hold its rate. */
  @Option(
      names = "--p99-threshold-ms",
      defaultValue = "250",
      description = "A step holds its rate when nothing is lost and p99 <= this. Default: 250.")
  private double p99ThresholdMillis;

  /** A command measuring the targets of {@code catalog}, opened by name. */
  public E2eCommand(Map<String, Supplier<? extends Target>> catalog) {
    this.catalog = Map.copyOf(catalog);
  }

  @Override
  public Integer call() throws IOException, InterruptedException {
    RunSettings settings = validatedSettings();
    String startedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
    List<TargetResult> results = measureAll(settings);
    var report =
        new E2eReport(
            startedAt,
            Runtime.getRuntime().availableProcessors(),
            Runtime.version().toString(),
            settings,
            results);
    commandLine.publish(report);
    return results.stream().anyMatch(r -> r.problem() != null) ? 3 : 0;
  }

  private List<TargetResult> measureAll(RunSettings settings) throws InterruptedException {
    List<TargetResult> results = new ArrayList<>();
    LoopResources loops = LoopResources.create("bench-client", 2, true);
    try {
      var scenario = new E2eScenario(settings, loops, commandLine.err());
      for (String name : targets.names()) {
        results.add(measure(name, scenario));
      }
    } finally {
      loops.disposeLater().block();
    }
    return results;
  }

  private TargetResult measure(String name, E2eScenario scenario) throws InterruptedException {
    commandLine.err().println("[" + name + "] starting");
    commandLine.err().flush();
    return TargetRun.measure(
        catalog.get(name), scenario::measure, problem -> TargetResult.notRun(name, problem));
  }

  private RunSettings validatedSettings() {
    commandLine.requirePositive("--rates", rates);
    commandLine.requirePositive("--headline-rates", headlineRates);
    commandLine.requirePositive("--duration-seconds", List.of(commandLine.durationSeconds()));
    commandLine.requirePositive("--warmup-rate", List.of(warmupRate));
    commandLine.requirePositive("--drain-seconds", List.of(drainSeconds));
    commandLine.require(
        warmupSeconds >= 0 && p99ThresholdMillis > 0,
        "--warmup-seconds must be >= 0 and --p99-threshold-ms > 0");
    targets.requireKnown(commandLine, catalog.keySet());
    return new RunSettings(
        rates,
        headlineRates,
        commandLine.durationSeconds(),
        warmupSeconds,
        warmupRate,
        drainSeconds,
        p99ThresholdMillis);
  }
}
