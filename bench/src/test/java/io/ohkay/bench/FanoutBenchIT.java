package io.ohkay.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The fan-out command end to end with every target: the broadcaster, the platform through its
 * command API, and the edge fed from the events topic as the decider feeds it.
 */
class FanoutBenchIT {

  @Test
  void shouldDeliverEveryMessageToEverySubscriberWhenEachTargetIsMeasured(@TempDir Path results)
      throws Exception {
    var run =
        BenchRun.execute(
            results,
            "fanout",
            "--targets=baseline,system,edge",
            "--subscribers=3",
            "--start-deliveries=30",
            "--max-rate=10",
            "--refine-steps=0",
            "--warmup-seconds=0",
            "--duration-seconds=2");

    assertThat(run.exitCode()).as("exit code, stderr:%n%s", run.err()).isZero();
    JsonNode ladders = run.onlyReport("fanout").path("ladders");
    assertThat(ladders)
        .extracting(l -> l.path("target").asString())
        .containsExactly("baseline", "system", "edge");
    for (JsonNode ladder : ladders) {
      String target = ladder.path("target").asString();
      JsonNode step = ladder.path("steps").get(0);
      assertThat(ladder.path("steps")).as(target).hasSize(1);
      assertThat(step.path("expected").asLong()).as(target).isEqualTo(10 * 2 * 3);
      assertThat(step.path("delivered").asLong()).as(target).isEqualTo(10 * 2 * 3);
      assertThat(step.path("postErrors").asLong()).as(target).isZero();
      assertThat(step.path("latency").path("p99Millis").asDouble()).as(target).isPositive();
    }
    assertThat(run.out())
        .contains("Target system / baseline >= 0.60")
        .contains("Target edge / baseline >= 0.60")
        .contains("Edge: the same platform");
  }
}
