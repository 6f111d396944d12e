package io.ohkay.bench;

import io.ohkay.bench.baseline.BaselineTarget;
import io.ohkay.bench.broadcast.BroadcastTarget;
import io.ohkay.bench.e2e.E2eCommand;
import io.ohkay.bench.fanout.FanoutCommand;
import io.ohkay.bench.fanout.SlowReaderCommand;
import io.ohkay.bench.history.HistoryCommand;
import io.ohkay.bench.projector.ProjectorCommand;
import io.ohkay.bench.resume.ResumeCommand;
import io.ohkay.bench.signin.SigninCommand;
import io.ohkay.bench.system.EdgeFanoutTarget;
import io.ohkay.bench.system.SystemDmTarget;
import io.ohkay.bench.system.SystemFanoutTarget;
import io.ohkay.bench.system.SystemPlatform;
import io.ohkay.bench.system.SystemTarget;
import io.ohkay.bench.target.FanoutTarget;
import io.ohkay.bench.target.Target;
import io.ohkay.platform.infra.EmbeddedInfrastructure;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code java -jar ohkay-bench-exec.jar e2e|signin|projector|history|fanout|slow-reader|resume
 * [options]}: side-by-side benchmarks of Ohkay.
 */
@Command(
    name = "ohkay-bench",
    mixinStandardHelpOptions = true,
    description = "Benchmarks of Ohkay (system) against the seed's design (baseline), in one run.")
public final class BenchMain implements Runnable {

  /** Conversations of the direct-message targets (the scenario: 1,000 DMs/s over 1,000). */
  static final int DM_CONVERSATIONS = 1_000;

  @Spec private CommandSpec spec = CommandSpec.create();

  public static void main(String[] args) throws IOException {
    int exitCode;
    try (var infrastructure = new BenchInfrastructure()) {
      exitCode = commandLine(infrastructure::get).execute(args);
    }
    System.exit(exitCode);
  }

  /** Every scenario, its targets started on the infrastructure {@code infrastructure} supplies. */
  public static CommandLine commandLine(Supplier<EmbeddedInfrastructure> infrastructure) {
    return new CommandLine(new BenchMain())
        .addSubcommand(new E2eCommand(targets(infrastructure)))
        .addSubcommand(new SigninCommand(() -> SystemPlatform.start(infrastructure.get())))
        .addSubcommand(new ProjectorCommand(() -> infrastructure.get().postgres()))
        .addSubcommand(
            new HistoryCommand(
                () -> SystemTarget.start(infrastructure.get()),
                () -> infrastructure.get().postgres()))
        .addSubcommand(new FanoutCommand(fanoutTargets(infrastructure)))
        .addSubcommand(new SlowReaderCommand(fanoutTargets(infrastructure)))
        .addSubcommand(new ResumeCommand(resumeSources(infrastructure)));
  }

  /**
   * {@code baseline} (a bare reactor-netty broadcaster) and {@code system} (the Ohkay platform),
   * each opened for a number of subscribing members.
   */
  static Map<String, IntFunction<? extends FanoutTarget>> fanoutTargets(
      Supplier<EmbeddedInfrastructure> infrastructure) {
    return Map.of(
        "baseline",
        BroadcastTarget::start,
        "system",
        members -> SystemFanoutTarget.start(infrastructure.get(), members),
        "edge",
        members -> EdgeFanoutTarget.start(infrastructure.get(), members));
  }

  /**
   * The system with the edge's default resume memory ({@code memory}), and with none, so every
   * resume is read back from Kafka ({@code kafka}).
   */
  static Map<String, ResumeCommand.Source> resumeSources(
      Supplier<EmbeddedInfrastructure> infrastructure) {
    var noMemory = "--ohkay.edge.resume-memory-records=0";
    return Map.of(
        "memory",
        new ResumeCommand.Source(
            "resume-memory-records=20000 (default)",
            () -> SystemTarget.start(infrastructure.get())),
        "kafka",
        new ResumeCommand.Source(
            "resume-memory-records=0",
            () -> SystemTarget.start(infrastructure.get(), List.of(noMemory))));
  }

  /**
   * {@code baseline} (seed 004's design) and {@code system} (the Ohkay platform), posting into one
   * channel, and their direct-message variants {@code baseline-dm} and {@code system-dm}, posting
   * into {@link #DM_CONVERSATIONS} conversations in turn; all on the infrastructure {@code
   * infrastructure} supplies when a target is opened.
   */
  static Map<String, Supplier<? extends Target>> targets(
      Supplier<EmbeddedInfrastructure> infrastructure) {
    return Map.of(
        "baseline",
        () -> BaselineTarget.start(infrastructure.get().postgres()),
        "system",
        () -> SystemTarget.start(infrastructure.get()),
        "baseline-dm",
        () -> BaselineTarget.startConversations(infrastructure.get().postgres(), DM_CONVERSATIONS),
        "system-dm",
        () -> SystemDmTarget.start(infrastructure.get(), DM_CONVERSATIONS));
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
