package io.ohkay.bench.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.LinkedHashSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

class TargetsOptionTest {

  @Test
  void shouldMeasureBaselineThenSystemWhenNoTargetsAreNamed() {
    var command = new Probe();

    assertThat(run(command)).isZero();
    assertThat(command.measured).containsExactly("baseline", "system");
  }

  @Test
  void shouldKeepTheOrderGivenWhenTargetsAreNamed() {
    var command = new Probe();

    assertThat(run(command, "--targets=system,baseline")).isZero();
    assertThat(command.measured).containsExactly("system", "baseline");
  }

  @Test
  void shouldRefuseTheCommandLineWhenATargetIsUnknown() {
    var err = new StringWriter();
    var commandLine = new CommandLine(new Probe()).setErr(new PrintWriter(err));

    assertThat(commandLine.execute("--targets=baseline,other")).isEqualTo(2);
    assertThat(err.toString()).startsWith("unknown target other, known: [baseline, system]");
  }

  private static int run(Probe command, String... args) {
    return new CommandLine(command).execute(args);
  }

  @Command(name = "probe")
  static final class Probe implements Runnable {

    @Mixin private ScenarioCommandLine commandLine = new ScenarioCommandLine();
    @Mixin private TargetsOption targets = new TargetsOption();
    private List<String> measured = List.of();

    @Override
    public void run() {
      targets.requireKnown(commandLine, new LinkedHashSet<>(List.of("baseline", "system")));
      measured = targets.names();
    }
  }
}
