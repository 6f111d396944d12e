package io.ohkay.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** The e2e command end to end on the baseline: real PostgreSQL, real HTTP, real SSE. */
class BaselineBenchIT {

  @Test
  void shouldDeliverEveryMessageAndReportItWhenTheBaselineRunsAt100PerSecond(@TempDir Path results)
      throws Exception {
    var run =
        BenchRun.execute(
            results,
            "e2e",
            "--targets=baseline",
            "--rates=100",
            "--headline-rates=100",
            "--duration-seconds=3",
            "--warmup-seconds=1",
            "--warmup-rate=50");

    assertThat(run.exitCode()).as("exit code, stderr:%n%s", run.err()).isZero();
    JsonNode step = onlyStep(run.onlyReport("e2e"));
    assertThat(step.path("sent").asLong()).isEqualTo(300);
    assertThat(step.path("delivered").asLong()).isEqualTo(300);
    assertThat(step.path("lost").asLong()).isZero();
    assertThat(step.path("postErrors").asLong()).isZero();
    assertThat(step.path("endToEnd").path("count").asLong()).isEqualTo(300);
    assertThat(step.path("postResponse").path("count").asLong()).isEqualTo(300);
    assertThat(run.out())
        .contains("| p50 @ 100 msg/s (ms)")
        .contains("| p99 @ 100 msg/s (ms)")
        .contains("| lost @ 100 msg/s          |  0 / 300 |")
        .contains("| highest rate held (msg/s) |")
        .containsPattern("\\| baseline \\|\\s+100 \\|\\s+300 \\|\\s+300 \\|\\s+0 \\|\\s+0 \\|");
  }

  private static JsonNode onlyStep(JsonNode report) {
    JsonNode targets = report.path("targets");
    assertThat(targets.size()).isEqualTo(1);
    assertThat(targets.get(0).path("target").asString()).isEqualTo("baseline");
    assertThat(targets.get(0).path("steps").size()).isEqualTo(1);
    return targets.get(0).path("steps").get(0);
  }
}
