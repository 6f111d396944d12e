package io.ohkay.bench.projector;

import io.ohkay.bench.command.ScenarioCommandLine;
import io.ohkay.bench.report.ProjectorReport;
import io.ohkay.bench.report.ProjectorSettings;
import io.ohkay.platform.infra.EmbeddedPostgresServer;
import io.ohkay.schemas.topic.Topics;
import java.io.IOException;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code projector}: messages per second the projector's write path stores into server databases,
 * next to a bare multi-row INSERT of the same rows, in one run. Prints the markdown report on
 * stdout (progress on stderr) and writes it with CSV and JSON under the results directory. Exit
 * code 0 when both were measured, 3 when not.
 */
@Command(
    name = "projector",
    mixinStandardHelpOptions = true,
    description = "Projector throughput (messages/s into server databases) next to a bulk INSERT.")
public final class ProjectorCommand implements Callable<Integer> {

  private final Supplier<EmbeddedPostgresServer> postgres;

  @Mixin private ScenarioCommandLine commandLine = new ScenarioCommandLine();

  /** Servers the messages are spread over. */
  @Option(
      names = "--servers",
      defaultValue = "4",
      description = "Servers (one database each) the messages go to. Default: ${DEFAULT-VALUE}.")
  private int servers;

  /** Events per batch handed to the applier. */
  @Option(
      names = "--batch-size",
      defaultValue = "500",
      description = "Events per batch, as one consumer poll. Default: ${DEFAULT-VALUE}.")
  private int batchSize;

  /** Messages measured per target. */
  @Option(
      names = "--messages",
      defaultValue = "200000",
      description = "Messages measured per target. Default: ${DEFAULT-VALUE}.")
  private int messages;

  /** Messages written per target before measuring. */
  @Option(
      names = "--warmup-messages",
      defaultValue = "20000",
      description = "Unmeasured messages per target first. Default: ${DEFAULT-VALUE}.")
  private int warmupMessages;

  /** Measured rounds; the targets take turns going first. */
  @Option(
      names = "--rounds",
      defaultValue = "2",
      description = "Measured rounds, alternating which target goes first. Default: 2.")
  private int rounds;

  /** The target for system / baseline messages per second. */
  @Option(
      names = "--min-ratio",
      defaultValue = "0.7",
      description = "Target for system / baseline messages/s. Default: ${DEFAULT-VALUE}.")
  private double minRatio;

  /** A command writing into the PostgreSQL {@code postgres} supplies. */
  public ProjectorCommand(Supplier<EmbeddedPostgresServer> postgres) {
    this.postgres = postgres;
  }

  @Override
  public Integer call() throws IOException {
    var settings = validatedSettings();
    String startedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
    ProjectorScenario.Measured measured = null;
    String problem = null;
    try {
      measured = measure(settings);
    } catch (SQLException | RuntimeException failed) {
      problem = "stopped: " + Objects.requireNonNullElse(failed.getMessage(), failed.toString());
      failed.printStackTrace(commandLine.err());
    }
    var report =
        new ProjectorReport(
            startedAt,
            Runtime.getRuntime().availableProcessors(),
            Runtime.version().toString(),
            settings,
            measured == null ? null : measured.system(),
            measured == null ? null : measured.baseline(),
            problem);
    commandLine.publish(report);
    return problem == null ? 0 : 3;
  }

  private ProjectorScenario.Measured measure(ProjectorSettings settings) throws SQLException {
    var topic = Topics.SERVER_EVENTS;
    var events = new MessageEvents(topic.in("bench."), topic.partitions(), settings.servers());
    try (var databases = new ProjectorDatabases(postgres.get(), settings.servers())) {
      var applier = databases.applier();
      var creations = events.creations();
      applier.apply(creations, MessageEvents.nextOffsets(creations));
      var system = new AppliedWrites(applier, databases.systemServers(events.servers()));
      var baseline = new BulkInserts(databases.baselineServers(events));
      return new ProjectorScenario(settings, events, commandLine.err()).measure(system, baseline);
    }
  }

  private ProjectorSettings validatedSettings() {
    commandLine.requirePositive(
        "--servers, --batch-size, --messages and --rounds",
        List.of(servers, batchSize, messages, rounds));
    commandLine.require(
        warmupMessages >= 0 && minRatio > 0 && rounds <= messages,
        "--warmup-messages must be >= 0, --min-ratio > 0 and --rounds <= --messages");
    return new ProjectorSettings(servers, batchSize, messages, warmupMessages, rounds, minRatio);
  }
}
