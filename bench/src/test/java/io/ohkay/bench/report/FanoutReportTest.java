package io.ohkay.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class FanoutReportTest {

  static final FanoutSettings SETTINGS =
      new FanoutSettings(List.of(100, 1000), 5000, 10_000, 2, 5, 3, 3, 100, 0.6);

  @Test
  void shouldCompareHeldDeliveriesAndJudgeTheRatioWhenBothLimitsAreExact() {
    var report =
        report(
            ladder(
                "system",
                100,
                step("system", 100, 200, 60, true),
                step("system", 100, 400, 150, false)),
            ladder(
                "baseline",
                100,
                step("baseline", 100, 200, 10, true),
                step("baseline", 100, 400, 40, true),
                step("baseline", 100, 800, 300, false)),
            ladder(
                "system",
                1000,
                step("system", 1000, 20, 70, true),
                step("system", 1000, 40, 200, false)),
            ladder(
                "baseline",
                1000,
                step("baseline", 1000, 20, 20, true),
                step("baseline", 1000, 40, 500, false)));

    String markdown = report.markdown();

    assertThat(report.heldRatio("system", 100)).isEqualTo(0.5);
    assertThat(report.heldRatio("system", 1000)).isEqualTo(1.0);
    assertThat(markdown)
        .containsPattern(
            "\\| highest rate held, 100 subscribers \\(msg/s\\)\\s+\\|\\s+200 \\|\\s+400 \\|\\s+0.50x \\|")
        .containsPattern(
            "\\| deliveries/s held, 1000 subscribers\\s+\\|\\s+20000 \\|\\s+20000 \\|\\s+1.00x \\|")
        .containsPattern(
            "\\| p99 at the rate held, 100 subscribers \\(ms\\)\\s+\\|\\s+60.00 \\|\\s+40.00 \\|")
        .containsPattern(
            "\\| fan-out spread p99 at the rate held, 100 subscribers \\(ms\\)\\s+\\|\\s+15.00 \\|"
                + "\\s+10.00 \\|")
        .contains(
            "Target system / baseline >= 0.60 (deliveries/s held), 100 subscribers: **missed**"
                + " (0.50x)")
        .contains(
            "Target system / baseline >= 0.60 (deliveries/s held), 1000 subscribers: met (1.00x)");
    assertThat(markdown).containsPattern("\\|\\s+3 % \\|\\s+yes \\|");
    assertThat(markdown.indexOf("| system   |         100 |   200 |"))
        .isPositive()
        .isLessThan(markdown.indexOf("| baseline |         100 |   200 |"));
  }

  @Test
  void shouldCompareEachTargetWithTheBaselineWhenTheEdgeRanToo() {
    var report =
        report(
            ladder(
                "baseline",
                100,
                step("baseline", 100, 400, 40, true),
                step("baseline", 100, 800, 300, false)),
            ladder(
                "system",
                100,
                step("system", 100, 200, 60, true),
                step("system", 100, 400, 150, false)),
            ladder(
                "edge",
                100,
                step("edge", 100, 200, 30, true),
                step("edge", 100, 400, 90, true),
                step("edge", 100, 800, 400, false)));

    String markdown = report.markdown();

    assertThat(report.heldRatio("system", 100)).isEqualTo(0.5);
    assertThat(report.heldRatio("edge", 100)).isEqualTo(1.0);
    assertThat(markdown)
        .containsPattern(
            "\\| metric\\s+\\| system \\|\\s+edge \\| baseline \\| system / baseline \\|"
                + " edge / baseline \\|")
        .containsPattern(
            "\\| highest rate held, 100 subscribers \\(msg/s\\)\\s+\\|\\s+200 \\|\\s+400 \\|"
                + "\\s+400 \\|\\s+0.50x \\|\\s+1.00x \\|")
        .containsPattern(
            "\\| p99 at the rate held, 100 subscribers \\(ms\\)\\s+\\|\\s+60.00 \\|\\s+90.00 \\|"
                + "\\s+40.00 \\|\\s+- \\|\\s+- \\|")
        .contains(
            "Target system / baseline >= 0.60 (deliveries/s held), 100 subscribers: **missed**"
                + " (0.50x)")
        .contains(
            "Target edge / baseline >= 0.60 (deliveries/s held), 100 subscribers: met (1.00x)")
        .contains("Edge: the same platform");
    assertThat(report(ladder("system", 100, step("system", 100, 200, 60, true))).markdown())
        .doesNotContain("Edge:");
  }

  @Test
  void shouldNotJudgeTheRatioWhenALimitIsOnlyABound() {
    var report =
        report(
            ladder("system", 100, step("system", 100, 200, 60, true)),
            ladder(
                "baseline",
                100,
                step("baseline", 100, 200, 10, true),
                step("baseline", 100, 400, 200, false)));

    assertThat(report.heldRatio("system", 100)).isNull();
    assertThat(report.markdown())
        .containsPattern(
            "\\| highest rate held, 100 subscribers \\(msg/s\\)\\s+\\|\\s+>= 200 \\|\\s+200 \\|\\s+- \\|")
        .contains("100 subscribers: not judged");
  }

  @Test
  void shouldShowHowSubscribersConnectedWhenTheyDid() {
    var connect =
        new ConnectPhase(
            900, 7.5, 31.2, Map.of("presence", 449_000L, "message.posted.v1", 1_000L), true);
    var ladder =
        FanoutLadder.measured(
            "system",
            1000,
            connect,
            List.of(step("system", 1000, 5, 60, true)),
            SETTINGS.rule(),
            null);

    assertThat(report(ladder).markdown())
        .containsPattern(
            "\\| system \\|\\s+1000 \\|\\s+900 \\|\\s+7.5 \\|\\s+31.2 \\|\\s+450000 \\|\\s+500 \\|"
                + " message.posted.v1 1000, presence 449000 \\|");
  }

  @Test
  void shouldListWhatStoppedWhenATargetDidNotRun() {
    var report =
        report(new FanoutLadder("system", 100, null, List.of(), null, false, "not run: no broker"));

    assertThat(report.markdown()).contains("* system, 100 subscribers: not run: no broker");
  }

  @Test
  void shouldWriteEveryStepAsCsvAndTheReportAsJsonWhenSaved(@TempDir Path dir) throws Exception {
    var report =
        report(
            ladder(
                "system",
                100,
                step("system", 100, 200, 60, true),
                step("system", 100, 400, 150, false)));

    List<Path> files = ResultFiles.write(dir, report);

    List<String> csv = Files.readAllLines(files.get(1));
    assertThat(csv).hasSize(1 + 2);
    assertThat(csv.get(1)).startsWith("system,100,200,20000,5,1000,100000,100000,0,0,0,");
    assertThat(csv.get(1).split(",", -1)).hasSameSizeAs(csv.get(0).split(","));
    JsonNode json = JsonMapper.builder().build().readTree(files.get(2).toFile());
    assertThat(json.path("ladders").get(0).path("highestHeldRate").asInt()).isEqualTo(200);
    assertThat(
            json.path("ladders")
                .get(0)
                .path("steps")
                .get(1)
                .path("latency")
                .path("p99Millis")
                .asDouble())
        .isEqualTo(150.0);
  }

  private static FanoutReport report(FanoutLadder... ladders) {
    return new FanoutReport("2026-01-01T00:00:00Z", 2, "21", SETTINGS, List.of(ladders));
  }

  private static FanoutLadder ladder(String target, int subscribers, FanoutStep... steps) {
    return FanoutLadder.measured(target, subscribers, null, List.of(steps), SETTINGS.rule(), null);
  }

  static FanoutStep step(String target, int subscribers, int rate, double p99, boolean held) {
    var latency = new LatencySummary(1000, p99 / 2, p99 * 0.9, p99, p99 * 1.1, p99 * 1.2);
    long sent = rate * 5L;
    long expected = sent * subscribers;
    return new FanoutStep(
        target,
        subscribers,
        rate,
        5,
        sent,
        expected,
        expected,
        0,
        0,
        latency,
        new LatencySummary(1000, p99 / 8, p99 / 5, p99 / 4, p99 / 3, p99 / 2),
        latency,
        latency,
        0,
        512.0,
        1.5,
        0.03,
        held,
        null);
  }
}
