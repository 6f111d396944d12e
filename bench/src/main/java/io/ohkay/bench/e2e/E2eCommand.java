package io.ohkay.bench.e2e;

import io.ohkay.bench.report.E2eReport;
import io.ohkay.bench.report.ResultFiles;
import io.ohkay.bench.report.RunSettings;
import io.ohkay.bench.report.TargetResult;
import io.ohkay.bench.target.Target;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
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

  @Spec private @Nullable CommandSpec spec;

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

  /** Sending window of each step, in seconds. */
  @Option(
      names = "--duration-seconds",
      defaultValue = "10",
      description = "Sending window of each step. Default: ${DEFAULT-VALUE}.")
  private int durationSeconds;

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

  /** Targets to measure, one after the other, in this order. */
  @Option(
      names = "--targets",
      split = ",",
      defaultValue = "baseline,system",
      description = "Targets measured in this order. Default: ${DEFAULT-VALUE}.")
  private List<String> targets = List.of();

  /** Where the result files go; default bench/target/results (target/results inside bench/). */
  @Option(
      names = "--results-dir",
      description = "Where the .md, .csv and .json go. Default: bench/target/results.")
  private @Nullable Path resultsDir;

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
    spec().commandLine().getOut().print(report.markdown());
    spec().commandLine().getOut().flush();
    List<Path> files = ResultFiles.write(resultsDirectory(), report);
    err().println("results written: " + files);
    err().flush();
    return results.stream().anyMatch(r -> r.problem() != null) ? 3 : 0;
  }

  private List<TargetResult> measureAll(RunSettings settings) throws InterruptedException {
    List<TargetResult> results = new ArrayList<>();
    LoopResources loops = LoopResources.create("bench-client", 2, true);
    try {
      var scenario = new E2eScenario(settings, loops, err());
      for (String name : targets) {
        results.add(measure(name, scenario));
      }
    } finally {
      loops.disposeLater().block();
    }
    return results;
  }

  private TargetResult measure(String name, E2eScenario scenario) throws InterruptedException {
    err().println("[" + name + "] starting");
    err().flush();
    Target target;
    try {
      target = catalog.get(name).get();
    } catch (RuntimeException cannotStart) {
      String reason = Objects.requireNonNullElse(cannotStart.getMessage(), cannotStart.toString());
      return TargetResult.notRun(name, "not run: " + reason);
    }
    try (target) {
      return scenario.measure(target);
    }
  }

  private RunSettings validatedSettings() {
    requirePositive("--rates", rates);
    requirePositive("--headline-rates", headlineRates);
    requirePositive("--duration-seconds", List.of(durationSeconds));
    requirePositive("--warmup-rate", List.of(warmupRate));
    requirePositive("--drain-seconds", List.of(drainSeconds));
    if (warmupSeconds < 0 || p99ThresholdMillis <= 0) {
      throw new ParameterException(
          spec().commandLine(), "--warmup-seconds must be >= 0 and --p99-threshold-ms > 0");
    }
    for (String name : targets) {
      if (!catalog.containsKey(name)) {
        throw new ParameterException(
            spec().commandLine(), "unknown target " + name + ", known: " + catalog.keySet());
      }
    }
    return new RunSettings(
        rates,
        headlineRates,
        durationSeconds,
        warmupSeconds,
        warmupRate,
        drainSeconds,
        p99ThresholdMillis);
  }

  private void requirePositive(String option, List<Integer> values) {
    if (values.isEmpty() || values.stream().anyMatch(v -> v <= 0)) {
      throw new ParameterException(spec().commandLine(), option + " needs values > 0");
    }
  }

  private Path resultsDirectory() {
    return resultsDir != null ? resultsDir : ResultFiles.defaultDirectory();
  }

  private CommandSpec spec() {
    if (spec == null) {
      throw new IllegalStateException("run through picocli's CommandLine");
    }
    return spec;
  }

  private PrintWriter err() {
    return spec().commandLine().getErr();
  }
}
