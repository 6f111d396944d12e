package io.ohkay.bench.history;

import io.ohkay.bench.command.ScenarioCommandLine;
import io.ohkay.bench.report.HistoryReport;
import io.ohkay.bench.report.HistorySettings;
import io.ohkay.bench.target.HistoryTarget;
import io.ohkay.platform.infra.EmbeddedPostgresServer;
import java.io.IOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code history}: latency of one page of a long channel's history before a random message, through
 * the platform's HTTP API next to the minimal indexed SQL on the same rows, in one run. Prints the
 * markdown report on stdout (progress on stderr) and writes it with CSV and JSON under the results
 * directory. Exit code 0 when both were measured, 3 when not.
 */
@Command(
    name = "history",
    mixinStandardHelpOptions = true,
    description = "History page latency (before a random message) next to the minimal SQL.")
public final class HistoryCommand implements Callable<Integer> {

  private final Supplier<? extends HistoryTarget> system;
  private final Supplier<EmbeddedPostgresServer> postgres;

  @Mixin private ScenarioCommandLine commandLine = new ScenarioCommandLine();

  /** Messages in the channel. */
  @Option(
      names = "--messages",
      defaultValue = "1000000",
      description = "Messages in the channel. Default: ${DEFAULT-VALUE}.")
  private int messages;

  /** Messages per page. */
  @Option(
      names = "--page-size",
      defaultValue = "50",
      description = "Messages per page (limit, 1..100). Default: ${DEFAULT-VALUE}.")
  private int pageSize;

  /** Pages measured per target. */
  @Option(
      names = "--samples",
      defaultValue = "10000",
      description = "Pages measured per target. Default: ${DEFAULT-VALUE}.")
  private int samples;

  /** Pages read per target before measuring. */
  @Option(
      names = "--warmup-samples",
      defaultValue = "2000",
      description = "Unmeasured pages per target first. Default: ${DEFAULT-VALUE}.")
  private int warmupSamples;

  /** The target for the system's p99, in milliseconds. */
  @Option(
      names = "--p99-target-ms",
      defaultValue = "10",
      description = "Target for the system's p99 (ms). Default: ${DEFAULT-VALUE}.")
  private double p99TargetMillis;

  /**
   * A command reading the channel of the platform {@code system} opens, whose database lives on
   * {@code postgres}.
   */
  public HistoryCommand(
      Supplier<? extends HistoryTarget> system, Supplier<EmbeddedPostgresServer> postgres) {
    this.system = system;
    this.postgres = postgres;
  }

  @Override
  public Integer call() throws IOException {
    var settings = validatedSettings();
    String startedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
    var run = new Run();
    try {
      measure(settings, run);
    } catch (Exception failed) {
      run.problem =
          "stopped: " + Objects.requireNonNullElse(failed.getMessage(), failed.toString());
      failed.printStackTrace(commandLine.err());
    }
    var measured = run.measured;
    var report =
        new HistoryReport(
            startedAt,
            Runtime.getRuntime().availableProcessors(),
            Runtime.version().toString(),
            settings,
            run.fillSeconds,
            measured == null ? null : measured.system(),
            measured == null ? null : measured.baseline(),
            run.problem);
    commandLine.publish(report);
    return run.problem == null ? 0 : 3;
  }

  /** What a run got to, kept when it stops half-way. */
  private static final class Run {
    private double fillSeconds;
    private HistoryScenario.@Nullable Measured measured;
    private @Nullable String problem;
  }

  private void measure(HistorySettings settings, Run run) throws Exception {
    log("starting the platform");
    try (var target = system.get()) {
      String database = target.serverDatabase();
      var server = postgres.get();
      Cursors cursors;
      try (var connection = server.connect(database)) {
        long start = System.nanoTime();
        long base = ChannelFill.fill(connection, target.channelId(), settings.messages());
        run.fillSeconds = (System.nanoTime() - start) / 1e9;
        log("%d messages filled in %.1f s", settings.messages(), run.fillSeconds);
        cursors =
            Cursors.load(
                connection, target.channelId(), base, settings.messages(), settings.pageSize());
      }
      try (var http = new HttpPages(target, settings.pageSize());
          var sql =
              new SqlPages(server.connect(database), target.channelId(), settings.pageSize())) {
        run.measured = new HistoryScenario(settings, cursors, commandLine.err()).measure(http, sql);
      }
    }
  }

  private void log(String format, Object... args) {
    commandLine.err().println("[history] " + String.format(Locale.ROOT, format, args));
    commandLine.err().flush();
  }

  private HistorySettings validatedSettings() {
    commandLine.requirePositive("--messages, --samples", List.of(messages, samples));
    commandLine.require(
        pageSize >= 1 && pageSize <= 100 && messages > pageSize,
        "--page-size must be 1..100 and below --messages");
    commandLine.require(
        warmupSamples >= 0 && p99TargetMillis > 0,
        "--warmup-samples must be >= 0 and --p99-target-ms > 0");
    return new HistorySettings(messages, pageSize, samples, warmupSamples, p99TargetMillis);
  }
}
