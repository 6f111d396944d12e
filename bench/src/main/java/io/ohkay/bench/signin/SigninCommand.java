package io.ohkay.bench.signin;

import io.ohkay.bench.command.ScenarioCommandLine;
import io.ohkay.bench.report.HashFloor;
import io.ohkay.bench.report.SigninReport;
import io.ohkay.bench.report.SigninSettings;
import io.ohkay.bench.target.AccountsTarget;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import reactor.netty.resources.LoopResources;

/**
 * {@code signin}: first the floor (one bare password verification, alone and on every core), then
 * the platform's sign-in rate ladder, in one run. Prints the markdown report on stdout (progress on
 * stderr) and writes it with CSV and JSON under the results directory. Exit code 0 when the
 * platform was fully measured, 3 when it was not.
 */
@Command(
    name = "signin",
    mixinStandardHelpOptions = true,
    description = "Sign-in throughput and latency, open loop, next to one bare password hash.")
public final class SigninCommand implements Callable<Integer> {

  private static final int HASH_WARMUPS = 20;

  private final Supplier<? extends AccountsTarget> system;

  @Mixin private ScenarioCommandLine commandLine = new ScenarioCommandLine();

  /** Offered sign-in rates stepped up until the first one not held. */
  @Option(
      names = "--rates",
      split = ",",
      defaultValue = "2,4,6,8,10,12,14,16,18,20,25,30,40,50,60,80,100",
      description =
          "Rates (sign-ins/s) stepped up until the first not held. Default: ${DEFAULT-VALUE}.")
  private List<Integer> rates = List.of();

  /** Warm-up before the first step, in seconds (0 for none). */
  @Option(
      names = "--warmup-seconds",
      defaultValue = "5",
      description = "Unmeasured warm-up, 0 for none. Default: ${DEFAULT-VALUE}.")
  private int warmupSeconds;

  /** Offered rate during the warm-up. */
  @Option(
      names = "--warmup-rate",
      defaultValue = "5",
      description = "Rate (sign-ins/s) of the warm-up. Default: ${DEFAULT-VALUE}.")
  private int warmupRate;

  /** Seconds after a step's last send during which its sign-ins may still be answered. */
  @Option(
      names = "--drain-seconds",
      defaultValue = "10",
      description =
          "Wait after a step's last send; sign-ins unanswered by then fail."
              + " Default: ${DEFAULT-VALUE}.")
  private int drainSeconds;

  /** The sign-in p99 (ms) a step must stay within to hold its rate. */
  @Option(
      names = "--p99-threshold-ms",
      defaultValue = "1000",
      description = "A step holds when every sign-in succeeded, p99 <= this and... Default: 1000.")
  private double p99ThresholdMillis;

  /** The share of the offered rate a step must achieve to hold it. */
  @Option(
      names = "--min-achieved-percent",
      defaultValue = "95",
      description = "...the achieved rate >= this % of the offered one. Default: 95.")
  private double minAchievedPercent;

  /** Accounts signed up before the steps. */
  @Option(
      names = "--accounts",
      defaultValue = "200",
      description = "Accounts signed up first; sign-ins go to them in turn. Default: 200.")
  private int accounts;

  /** Sign-ups in flight at once. */
  @Option(
      names = "--signup-concurrency",
      defaultValue = "4",
      description = "Sign-ups in flight at once. Default: ${DEFAULT-VALUE}.")
  private int signupConcurrency;

  /** Single-thread verifications timed for the floor's latency. */
  @Option(
      names = "--hash-samples",
      defaultValue = "200",
      description = "Bare verifications timed one after the other. Default: ${DEFAULT-VALUE}.")
  private int hashSamples;

  /** How long every core verifies for the floor's rate. */
  @Option(
      names = "--floor-seconds",
      defaultValue = "5",
      description = "Seconds of verification on every core for the floor rate. Default: 5.")
  private int floorSeconds;

  /** A command measuring the platform {@code system} opens. */
  public SigninCommand(Supplier<? extends AccountsTarget> system) {
    this.system = system;
  }

  @Override
  public Integer call() throws IOException, InterruptedException {
    SigninSettings settings = validatedSettings();
    String startedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
    HashFloor floor = measureFloor(settings);
    SigninScenario.Measured measured = measureSystem(settings);
    var report =
        SigninReport.of(
            startedAt,
            Runtime.version().toString(),
            settings,
            floor,
            measured.signupSeconds(),
            measured.steps(),
            measured.problem());
    commandLine.publish(report);
    return report.problem() == null ? 0 : 3;
  }

  /** The floor first, on a machine the platform does not load yet. */
  private HashFloor measureFloor(SigninSettings settings) throws InterruptedException {
    var bare = new BareHash();
    commandLine.err().println("[floor] " + bare.parameters() + ": timing bare verifications");
    commandLine.err().flush();
    var singleThread = bare.singleThread(HASH_WARMUPS, settings.hashSamples());
    int threads = Runtime.getRuntime().availableProcessors();
    HashFloor floor =
        bare.floor(singleThread, threads, Duration.ofSeconds(settings.floorSeconds()));
    commandLine
        .err()
        .println(
            String.format(
                Locale.ROOT,
                "[floor] one verification p50 %.2f ms, p99 %.2f ms; %d threads: %.1f/s",
                singleThread.p50Millis(),
                singleThread.p99Millis(),
                threads,
                floor.perSecond()));
    commandLine.err().flush();
    return floor;
  }

  private SigninScenario.Measured measureSystem(SigninSettings settings)
      throws InterruptedException {
    commandLine.err().println("[signin] starting the platform");
    commandLine.err().flush();
    AccountsTarget target;
    try {
      target = system.get();
    } catch (RuntimeException cannotStart) {
      String reason = Objects.requireNonNullElse(cannotStart.getMessage(), cannotStart.toString());
      return new SigninScenario.Measured(0, List.of(), "not run: " + reason);
    }
    LoopResources loops = LoopResources.create("bench-client", 2, true);
    try (target) {
      return new SigninScenario(settings, loops, commandLine.err()).measure(target);
    } finally {
      loops.disposeLater().block();
    }
  }

  private SigninSettings validatedSettings() {
    commandLine.requirePositive("--rates", rates);
    commandLine.requirePositive("--duration-seconds", List.of(commandLine.durationSeconds()));
    commandLine.requirePositive("--warmup-rate", List.of(warmupRate));
    commandLine.requirePositive("--drain-seconds", List.of(drainSeconds));
    commandLine.requirePositive("--signup-concurrency", List.of(signupConcurrency));
    commandLine.requirePositive("--hash-samples", List.of(hashSamples));
    commandLine.requirePositive("--floor-seconds", List.of(floorSeconds));
    commandLine.require(
        warmupSeconds >= 0
            && p99ThresholdMillis > 0
            && minAchievedPercent >= 0
            && minAchievedPercent <= 100
            && accounts >= 2,
        "--warmup-seconds must be >= 0, --p99-threshold-ms > 0, --min-achieved-percent within"
            + " 0..100 and --accounts >= 2");
    return new SigninSettings(
        rates,
        commandLine.durationSeconds(),
        warmupSeconds,
        warmupRate,
        drainSeconds,
        p99ThresholdMillis,
        minAchievedPercent,
        accounts,
        signupConcurrency,
        hashSamples,
        floorSeconds);
  }
}
