package io.ohkay.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.ohkay.platform.infra.SharedInfrastructure;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The signin command end to end on the real platform: real Kafka, PostgreSQL and Argon2id. */
class SigninBenchIT {

  @Test
  void shouldSignEveryoneInAndReportTheFloorWhenThePlatformRunsAtTwoPerSecond(@TempDir Path results)
      throws Exception {
    var out = new StringWriter();
    var err = new StringWriter();
    var commandLine = BenchMain.commandLine(SharedInfrastructure::get);
    commandLine.setOut(new PrintWriter(out));
    commandLine.setErr(new PrintWriter(err));

    int exitCode =
        commandLine.execute(
            "signin",
            "--accounts=3",
            "--rates=2",
            "--duration-seconds=2",
            "--warmup-seconds=0",
            "--hash-samples=3",
            "--floor-seconds=1",
            "--drain-seconds=20",
            "--results-dir=" + results);

    assertThat(exitCode).as("exit code, stderr:%n%s", err).isZero();
    JsonNode report = onlyReport(results);
    JsonNode step = report.path("steps").get(0);
    assertThat(step.path("sent").asLong()).isEqualTo(4);
    assertThat(step.path("succeeded").asLong()).isEqualTo(4);
    assertThat(step.path("failed").asLong()).isZero();
    assertThat(step.path("latency").path("count").asLong()).isEqualTo(4);
    assertThat(report.path("floor").path("parameters").asString()).startsWith("argon2id ");
    assertThat(report.path("floor").path("singleThread").path("count").asLong()).isEqualTo(3);
    assertThat(report.path("floor").path("verifications").asLong()).isPositive();
    assertThat(out.toString())
        .contains("| highest rate held (/s; floor: verifications/s on")
        .containsPattern("\\| 2\\s+\\|\\s+4 \\|\\s+4 \\|\\s+0 \\|");
  }

  private static JsonNode onlyReport(Path results) throws Exception {
    List<Path> json;
    try (Stream<Path> files = Files.list(results)) {
      json = files.filter(f -> f.toString().endsWith(".json")).toList();
    }
    assertThat(json).hasSize(1);
    assertThat(json.getFirst().getFileName().toString()).startsWith("signin-");
    return JsonMapper.builder().build().readTree(json.getFirst().toFile());
  }
}
