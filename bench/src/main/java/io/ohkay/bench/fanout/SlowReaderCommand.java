package io.ohkay.bench.fanout;

import io.ohkay.bench.command.ScenarioCommandLine;
import io.ohkay.bench.command.TargetRun;
import io.ohkay.bench.command.TargetsOption;
import io.ohkay.bench.report.SlowReaderReport;
import io.ohkay.bench.report.SlowReaderSettings;
import io.ohkay.bench.report.SlowReaderTrial;
import io.ohkay.bench.target.FanoutTarget;
import java.io.IOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.IntFunction;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code slow-reader}: the delivery p99 of a busy channel's subscribers without, with, and again
 * without clients that read nothing, at the same rate, system and baseline in one run; and whether
 * each target cut those clients off. Prints the markdown report on stdout (progress on stderr) and
 * writes it with CSV and JSON under the results directory. Exit code 0 when every target was fully
 * measured, 3 when one was not.
 */
@Command(
    name = "slow-reader",
    mixinStandardHelpOptions = true,
    description = "Subscribers' p99 without, with, without clients that read nothing, same rate.")
public final class SlowReaderCommand implements Callable<Integer> {

  private final Map<String, IntFunction<? extends FanoutTarget>> catalog;

  @Mixin private ScenarioCommandLine commandLine = new ScenarioCommandLine();

  @Mixin private TargetsOption targets = new TargetsOption();

  /** Reading subscribers. */
  @Option(
      names = "--subscribers",
      defaultValue = "100",
      description = "Reading subscribers. Default: ${DEFAULT-VALUE}.")
  private int subscribers;

  /** Messages per second in both halves. */
  @Option(
      names = "--rate",
      defaultValue = "50",
      description = "Messages per second in both halves. Default: ${DEFAULT-VALUE}.")
  private int rate;

  /** Messages each half sends at least. */
  @Option(
      names = "--messages",
      defaultValue = "1200",
      description =
          "Messages each half sends at least (its window grows): more than the target buffers for"
              + " a client. Default: ${DEFAULT-VALUE}.")
  private int messages;

  /** Clients that read nothing in the second half. */
  @Option(
      names = "--slow-readers",
      defaultValue = "1",
      description = "Clients that read nothing in the second half. Default: ${DEFAULT-VALUE}.")
  private int slowReaders;

  /** Large messages that fill the silent clients' kernel buffers between the halves. */
  @Option(
      names = "--prefill-messages",
      defaultValue = "600",
      description =
          "Large messages filling the silent clients' buffers. Default: ${DEFAULT-VALUE}.")
  private int prefillMessages;

  /** Characters of each prefill message. */
  @Option(
      names = "--prefill-chars",
      defaultValue = "3900",
      description = "Characters of each prefill message (<= 4000). Default: ${DEFAULT-VALUE}.")
  private int prefillChars;

  /**
   * Unmeasured warm-up at the rate, in seconds. After 15 s the platform's p99 still fell from one
   * half to the next (36.9, 34.3, 26.5 ms), which the strict ratio counts against the slow reader.
   */
  @Option(
      names = "--warmup-seconds",
      defaultValue = "60",
      description = "Warm-up at the rate, 0 for none. Default: ${DEFAULT-VALUE}.")
  private int warmupSeconds;

  /** Seconds after a half's last send during which its deliveries may still arrive. */
  @Option(
      names = "--drain-seconds",
      defaultValue = "3",
      description = "Wait after a half's last send; later deliveries are lost. Default: 3.")
  private int drainSeconds;

  /** The p99 within which a half counts as held (reported, not a condition of the trial). */
  @Option(
      names = "--p99-threshold-ms",
      defaultValue = "100",
      description = "A half is held when nothing is lost and p99 <= this. Default: 100.")
  private double p99ThresholdMillis;

  /** The target for the readers' p99 with the slow readers over without. */
  @Option(
      names = "--ratio-target",
      defaultValue = "1.2",
      description = "Target p99 with / without slow readers. Default: ${DEFAULT-VALUE}.")
  private double ratioTarget;

  /** A command measuring the targets of {@code catalog}, opened by name for n members. */
  public SlowReaderCommand(Map<String, IntFunction<? extends FanoutTarget>> catalog) {
    this.catalog = Map.copyOf(catalog);
  }

  @Override
  public Integer call() throws IOException, InterruptedException {
    var settings = validatedSettings();
    String startedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
    List<SlowReaderTrial> trials = new ArrayList<>();
    var loops = FanoutLoops.create();
    try {
      var scenario =
          new SlowReaderScenario(settings, loops.streams(), loops.post(), commandLine.err());
      for (String name : targets.names()) {
        trials.add(measure(name, settings, scenario));
      }
    } finally {
      loops.dispose();
    }
    var report =
        new SlowReaderReport(
            startedAt,
            Runtime.getRuntime().availableProcessors(),
            Runtime.version().toString(),
            settings,
            trials);
    commandLine.publish(report);
    return trials.stream().allMatch(t -> t.problem() == null) ? 0 : 3;
  }

  private SlowReaderTrial measure(
      String name, SlowReaderSettings settings, SlowReaderScenario scenario)
      throws InterruptedException {
    int members = settings.subscribers() + settings.slowReaders();
    commandLine.err().println("[" + name + "] starting with " + members + " members");
    commandLine.err().flush();
    return TargetRun.measure(
        () -> catalog.get(name).apply(members),
        scenario::measure,
        problem ->
            new SlowReaderTrial(
                name,
                settings.subscribers(),
                settings.slowReaders(),
                null,
                null,
                null,
                0,
                0,
                problem));
  }

  private SlowReaderSettings validatedSettings() {
    commandLine.requirePositive(
        "--subscribers, --rate, --messages, --slow-readers, --duration-seconds, --drain-seconds",
        List.of(
            subscribers, rate, messages, slowReaders, commandLine.durationSeconds(), drainSeconds));
    commandLine.require(
        prefillMessages >= 0 && warmupSeconds >= 0,
        "--prefill-messages and --warmup-seconds must be >= 0");
    commandLine.require(
        prefillChars >= 24 && prefillChars <= 4000, "--prefill-chars must be 24..4000");
    commandLine.require(
        p99ThresholdMillis > 0 && ratioTarget > 0,
        "--p99-threshold-ms and --ratio-target must be > 0");
    targets.requireKnown(commandLine, catalog.keySet());
    return new SlowReaderSettings(
        subscribers,
        rate,
        messages,
        commandLine.durationSeconds(),
        slowReaders,
        prefillMessages,
        prefillChars,
        warmupSeconds,
        drainSeconds,
        p99ThresholdMillis,
        ratioTarget);
  }
}
