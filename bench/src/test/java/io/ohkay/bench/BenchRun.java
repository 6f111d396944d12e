package io.ohkay.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.ohkay.platform.infra.SharedInfrastructure;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One run of the bench command line on the shared test infrastructure, as a user runs it: its exit
 * code, what it printed, and the one JSON report it wrote into {@code results}.
 */
record BenchRun(int exitCode, String out, String err, Path results) {

  /** Runs {@code args} with {@code --results-dir=results} added. */
  static BenchRun execute(Path results, String... args) {
    var out = new StringWriter();
    var err = new StringWriter();
    var commandLine = BenchMain.commandLine(SharedInfrastructure::get);
    commandLine.setOut(new PrintWriter(out));
    commandLine.setErr(new PrintWriter(err));
    var withResults = new ArrayList<>(List.of(args));
    withResults.add("--results-dir=" + results);
    int exitCode = commandLine.execute(withResults.toArray(String[]::new));
    return new BenchRun(exitCode, out.toString(), err.toString(), results);
  }

  /** The run's one JSON report, which must be named after {@code scenario}. */
  JsonNode onlyReport(String scenario) throws IOException {
    List<Path> json;
    try (Stream<Path> files = Files.list(results)) {
      json = files.filter(f -> f.toString().endsWith(".json")).toList();
    }
    assertThat(json).hasSize(1);
    assertThat(json.getFirst().getFileName().toString()).startsWith(scenario + "-");
    return JsonMapper.builder().build().readTree(json.getFirst().toFile());
  }
}
