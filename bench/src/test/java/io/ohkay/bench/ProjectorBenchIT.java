package io.ohkay.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** The projector command end to end: the projector's applier and the baseline on PostgreSQL. */
class ProjectorBenchIT {

  @Test
  void shouldStoreEveryMessageWithBothWritersAndReportTheRatioWhenRunSmall(@TempDir Path results)
      throws Exception {
    var run =
        BenchRun.execute(
            results,
            "projector",
            "--servers=2",
            "--batch-size=100",
            "--messages=2000",
            "--warmup-messages=200",
            "--rounds=2");

    assertThat(run.exitCode()).as("exit code, stderr:%n%s", run.err()).isZero();
    JsonNode report = run.onlyReport("projector");
    for (String target : new String[] {"system", "baseline"}) {
      JsonNode measured = report.path(target);
      assertThat(measured.path("messages").asLong()).as(target).isEqualTo(2_000);
      assertThat(measured.path("batches").asLong()).as(target).isEqualTo(20);
      assertThat(measured.path("rowsStored").asLong()).as(target).isEqualTo(2_200);
      assertThat(measured.path("messagesPerSecond").asDouble()).as(target).isPositive();
      assertThat(measured.path("batchLatency").path("count").asLong()).as(target).isEqualTo(20);
    }
    assertThat(run.out())
        .contains("| messages/s")
        .containsPattern(
            "\\| messages measured / rows stored \\|\\s+2000 / 2200 \\|\\s+2000 / 2200")
        .containsPattern("\\| messages/s\\s+\\|\\s+\\d+ \\|\\s+\\d+ \\|\\s+\\d+\\.\\d\\dx \\|")
        .contains("Target: system / baseline >= 0.70: ");
  }
}
