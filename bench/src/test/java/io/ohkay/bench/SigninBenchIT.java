package io.ohkay.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** The signin command end to end on the real platform: real Kafka, PostgreSQL and Argon2id. */
class SigninBenchIT {

  @Test
  void shouldSignEveryoneInAndReportTheFloorWhenThePlatformRunsAtTwoPerSecond(@TempDir Path results)
      throws Exception {
    var run =
        BenchRun.execute(
            results,
            "signin",
            "--accounts=3",
            "--rates=2",
            "--duration-seconds=2",
            "--warmup-seconds=0",
            "--hash-samples=3",
            "--floor-seconds=1",
            "--drain-seconds=20");

    assertThat(run.exitCode()).as("exit code, stderr:%n%s", run.err()).isZero();
    JsonNode report = run.onlyReport("signin");
    JsonNode step = report.path("steps").get(0);
    assertThat(step.path("sent").asLong()).isEqualTo(4);
    assertThat(step.path("succeeded").asLong()).isEqualTo(4);
    assertThat(step.path("failed").asLong()).isZero();
    assertThat(step.path("latency").path("count").asLong()).isEqualTo(4);
    assertThat(report.path("floor").path("parameters").asString()).startsWith("argon2id ");
    assertThat(report.path("floor").path("singleThread").path("count").asLong()).isEqualTo(3);
    assertThat(report.path("floor").path("verifications").asLong()).isPositive();
    assertThat(run.out())
        .contains("| highest rate held (/s; floor: verifications/s on")
        .containsPattern("\\| 2\\s+\\|\\s+4 \\|\\s+4 \\|\\s+0 \\|");
  }
}
