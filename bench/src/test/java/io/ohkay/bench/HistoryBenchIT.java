package io.ohkay.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** The history command end to end: the platform's HTTP history next to plain SQL, same rows. */
class HistoryBenchIT {

  @Test
  void shouldReadOnlyRightPagesWithBothReadersWhenTheChannelIsSmall(@TempDir Path results)
      throws Exception {
    var run =
        BenchRun.execute(
            results, "history", "--messages=20000", "--samples=300", "--warmup-samples=50");

    assertThat(run.exitCode()).as("exit code, stderr:%n%s", run.err()).isZero();
    JsonNode report = run.onlyReport("history");
    for (String target : new String[] {"system", "baseline"}) {
      JsonNode reads = report.path(target);
      assertThat(reads.path("latency").path("count").asLong()).as(target).isEqualTo(300);
      assertThat(reads.path("wrongPages").asLong()).as(target).isZero();
      assertThat(reads.path("latency").path("p99Millis").asDouble()).as(target).isPositive();
    }
    assertThat(report.path("settings").path("messages").asInt()).isEqualTo(20_000);
    assertThat(run.out())
        .containsPattern("\\| p99 \\(ms\\)\\s+\\|\\s+\\d+\\.\\d\\d \\|\\s+\\d+\\.\\d\\d \\|")
        .containsPattern("\\| pages read / wrong \\|\\s+300 / 0 \\|\\s+300 / 0 \\|")
        .contains("Target: system p99 <= 10 ms: ");
  }
}
