package io.ohkay.bench.fanout;

import io.ohkay.bench.command.ScenarioCommandLine;
import io.ohkay.bench.command.TargetRun;
import io.ohkay.bench.command.TargetsOption;
import io.ohkay.bench.report.FanoutLadder;
import io.ohkay.bench.report.FanoutReport;
import io.ohkay.bench.report.FanoutSettings;
import io.ohkay.bench.target.FanoutTarget;
import java.io.IOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.IntFunction;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;

/**
 * {@code fanout}: how many messages per second one busy channel delivers to 100 and 1,000 SSE
 * subscribers with p99 within the threshold, system next to a bare broadcaster. Prints the markdown
 * report on stdout (progress on stderr) and writes it with CSV and JSON under the results
 * directory. Exit code 0 when every target was fully measured, 3 when one was not.
 */
@Command(
    name = "fanout",
    mixinStandardHelpOptions = true,
    defaultValueProvider = FanoutCommand.Defaults.class,
    description =
        "Live-stream fan-out: one channel to N SSE subscribers, system and baseline (and the"
            + " edge fed from the events topic, when named).")
public final class FanoutCommand implements Callable<Integer> {

  /**
   * Steps of 5 s (the shared default is 10 s): two targets, two ladders each, in ~7 minutes. The
   * {@code edge} target is measured when named ({@code --targets baseline,system,edge}): a platform
   * target measured after another runs in a JVM the first one warmed up.
   */
  public static final class Defaults implements IDefaultValueProvider {
    @Override
    public @Nullable String defaultValue(ArgSpec argument) {
      return argument.isOption()
              && ((OptionSpec) argument).longestName().equals("--duration-seconds")
          ? "5"
          : null;
    }
  }

  private final Map<String, IntFunction<? extends FanoutTarget>> catalog;

  @Mixin private ScenarioCommandLine commandLine = new ScenarioCommandLine();

  @Mixin private TargetsOption targets = new TargetsOption();

  /** Subscriber counts, measured in ascending order. */
  @Option(
      names = "--subscribers",
      split = ",",
      defaultValue = "100,1000",
      description = "Subscriber counts. Default: ${DEFAULT-VALUE}.")
  private List<Integer> subscribers = List.of();

  /** Deliveries per second of each ladder's first step. */
  @Option(
      names = "--start-deliveries",
      defaultValue = "5000",
      description =
          "Deliveries/s of each ladder's first step (msg/s = this / subscribers)."
              + " Default: ${DEFAULT-VALUE}.")
  private int startDeliveries;

  /** The highest message rate tried. */
  @Option(
      names = "--max-rate",
      defaultValue = "10000",
      description = "Highest message rate tried. Default: ${DEFAULT-VALUE}.")
  private int maxRate;

  /** Steps narrowing the limit down once the doubling found it. */
  @Option(
      names = "--refine-steps",
      defaultValue = "2",
      description = "Steps narrowing the limit down after the doubling. Default: ${DEFAULT-VALUE}.")
  private int refineSteps;

  /**
   * Unmeasured warm-up at the first rate before each ladder, in seconds. Long, because the platform
   * is a lot of code: a minute into a run its JIT compiler threads still took a quarter of a core,
   * and steps measured then paid for it.
   */
  @Option(
      names = "--warmup-seconds",
      defaultValue = "30",
      description = "Warm-up before each ladder, 0 for none. Default: ${DEFAULT-VALUE}.")
  private int warmupSeconds;

  /** Seconds after a step's last send during which its deliveries may still arrive. */
  @Option(
      names = "--drain-seconds",
      defaultValue = "3",
      description = "Wait after a step's last send; later deliveries are lost. Default: 3.")
  private int drainSeconds;

  /** The delivery p99 (ms) a step must stay within to hold its rate. */
  @Option(
      names = "--p99-threshold-ms",
      defaultValue = "100",
      description = "A step holds when nothing is lost and p99 <= this. Default: 100.")
  private double p99ThresholdMillis;

  /** The target for system / baseline held deliveries per second. */
  @Option(
      names = "--ratio-target",
      defaultValue = "0.6",
      description = "Target system / baseline held deliveries/s. Default: ${DEFAULT-VALUE}.")
  private double ratioTarget;

  /** A command measuring the targets of {@code catalog}, opened by name for n members. */
  public FanoutCommand(Map<String, IntFunction<? extends FanoutTarget>> catalog) {
    this.catalog = Map.copyOf(catalog);
  }

  @Override
  public Integer call() throws IOException, InterruptedException {
    var settings = validatedSettings();
    String startedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
    List<FanoutLadder> ladders = new ArrayList<>();
    var loops = FanoutLoops.create();
    try {
      var scenario = new FanoutScenario(settings, loops.streams(), loops.post(), commandLine.err());
      for (String name : targets.names()) {
        ladders.addAll(measure(name, settings, scenario));
      }
    } finally {
      loops.dispose();
    }
    var report =
        new FanoutReport(
            startedAt,
            Runtime.getRuntime().availableProcessors(),
            Runtime.version().toString(),
            settings,
            ladders);
    commandLine.publish(report);
    return ladders.stream().allMatch(l -> l.problem() == null) ? 0 : 3;
  }

  private List<FanoutLadder> measure(String name, FanoutSettings settings, FanoutScenario scenario)
      throws InterruptedException {
    int members = Collections.max(settings.subscribers());
    commandLine.err().println("[" + name + "] starting with " + members + " members");
    commandLine.err().flush();
    return TargetRun.measure(
        () -> catalog.get(name).apply(members),
        scenario::measure,
        problem ->
            settings.subscribers().stream()
                .map(n -> new FanoutLadder(name, n, null, List.of(), null, false, problem))
                .toList());
  }

  private FanoutSettings validatedSettings() {
    commandLine.requirePositive("--subscribers", subscribers);
    commandLine.requirePositive(
        "--start-deliveries, --max-rate, --duration-seconds, --drain-seconds",
        List.of(startDeliveries, maxRate, commandLine.durationSeconds(), drainSeconds));
    commandLine.require(maxRate <= 1_000_000, "--max-rate must be <= 1000000");
    commandLine.require(
        refineSteps >= 0 && warmupSeconds >= 0, "--refine-steps and --warmup-seconds must be >= 0");
    commandLine.require(
        p99ThresholdMillis > 0 && ratioTarget > 0,
        "--p99-threshold-ms and --ratio-target must be > 0");
    var counts = subscribers.stream().distinct().sorted().toList();
    targets.requireKnown(commandLine, catalog.keySet());
    return new FanoutSettings(
        counts,
        startDeliveries,
        maxRate,
        refineSteps,
        commandLine.durationSeconds(),
        warmupSeconds,
        drainSeconds,
        p99ThresholdMillis,
        ratioTarget);
  }
}
