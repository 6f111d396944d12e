package io.ohkay.bench.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class FanoutReportTest {

  private static final FanoutSettings SETTINGS =
      new FanoutSettings(
          List.of(100, 1000), 5000, 10_000, 2, 5, 3, 3, 100, 0.6, 1, 100, 0.5, 10, 3000, 1.2);

  @Test
  void shouldCompareHeldDeliveriesAndJudgeTheRatioWhenBothLimitsAreExact() {
    var report =
        report(
            List.of(
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
                    step("baseline", 1000, 40, 500, false))),
            List.of());

    String markdown = report.markdown();

    assertThat(report.heldRatio(100)).isEqualTo(0.5);
    assertThat(report.heldRatio(1000)).isEqualTo(1.0);
    assertThat(markdown)
        .containsPattern(
            "\\| highest rate held, 100 subscribers \\(msg/s\\)\\s+\\|\\s+200 \\|\\s+400 \\|\\s+0.50x \\|")
        .containsPattern(
            "\\| deliveries/s held, 1000 subscribers\\s+\\|\\s+20000 \\|\\s+20000 \\|\\s+1.00x \\|")
        .containsPattern(
            "\\| p99 at the rate held, 100 subscribers \\(ms\\)\\s+\\|\\s+60.00 \\|\\s+40.00 \\|")
        .contains(
            "Target system / baseline >= 0.60 (deliveries/s held), 100 subscribers: **missed** (0.50x)")
        .contains(
            "Target system / baseline >= 0.60 (deliveries/s held), 1000 subscribers: met (1.00x)");
    assertThat(markdown.indexOf("| system   |         100 |   200 |"))
        .isPositive()
        .isLessThan(markdown.indexOf("| baseline |         100 |   200 |"));
  }

  @Test
  void shouldNotJudgeTheRatioWhenALimitIsOnlyABound() {
    var report =
        report(
            List.of(
                ladder("system", 100, step("system", 100, 200, 60, true)),
                ladder(
                    "baseline",
                    100,
                    step("baseline", 100, 200, 10, true),
                    step("baseline", 100, 400, 200, false))),
            List.of());

    assertThat(report.heldRatio(100)).isNull();
    assertThat(report.markdown())
        .containsPattern(
            "\\| highest rate held, 100 subscribers \\(msg/s\\)\\s+\\|\\s+>= 200 \\|\\s+200 \\|\\s+- \\|")
        .contains("100 subscribers: not judged");
  }

  @Test
  void shouldShowTheSlowReaderRatioAndJudgeTheSystemWhenTheTrialRan() {
    var trial =
        new SlowReaderTrial(
            "system",
            100,
            1,
            step("system", 100, 100, 50, true),
            step("system", 100, 100, 55, true),
            1,
            1200,
            null);
    var report =
        report(List.of(ladder("system", 100, step("system", 100, 200, 60, true))), List.of(trial));

    assertThat(trial.p99Ratio()).isEqualTo(1.1, within(1e-9));
    assertThat(report.markdown())
        .containsPattern(
            "\\| system \\|\\s+100 \\|\\s+1 \\|\\s+100 \\|\\s+5 \\|\\s+50.00 \\|\\s+55.00 \\|\\s+1.10x \\|")
        .containsPattern("\\|\\s+1 / 1 \\|\\s+1200 \\|")
        .contains("Target system p99 with / without slow readers <= 1.20: met (1.10x)");
  }

  @Test
  void shouldListWhatStoppedWhenATargetDidNotRun() {
    var report =
        report(
            List.of(new FanoutLadder("system", 100, List.of(), null, false, "not run: no broker")),
            List.of());

    assertThat(report.markdown()).contains("* system, 100 subscribers: not run: no broker");
  }

  @Test
  void shouldWriteEveryStepAsCsvAndTheReportAsJsonWhenSaved(@TempDir Path dir) throws Exception {
    var trial =
        new SlowReaderTrial(
            "system",
            100,
            1,
            step("system", 100, 100, 50, true),
            step("system", 100, 100, 55, true),
            0,
            0,
            null);
    var report =
        report(
            List.of(
                ladder(
                    "system",
                    100,
                    step("system", 100, 200, 60, true),
                    step("system", 100, 400, 150, false))),
            List.of(trial));

    List<Path> files = ResultFiles.write(dir, report);

    List<String> csv = Files.readAllLines(files.get(1));
    assertThat(csv).hasSize(1 + 2 + 2);
    assertThat(csv.get(1)).startsWith("system,100,200,20000,5,1000,100000,100000,0,0,0,");
    assertThat(csv.get(1).split(",", -1)).hasSameSizeAs(csv.get(0).split(","));
    assertThat(csv.get(4)).contains(",slow-readers-with,");
    JsonNode json = JsonMapper.builder().build().readTree(files.get(2).toFile());
    assertThat(json.path("ladders").get(0).path("highestHeldRate").asInt()).isEqualTo(200);
    assertThat(
            json.path("slowReaders")
                .get(0)
                .path("with")
                .path("latency")
                .path("p99Millis")
                .asDouble())
        .isEqualTo(55.0);
  }

  private static FanoutReport report(List<FanoutLadder> ladders, List<SlowReaderTrial> trials) {
    return new FanoutReport("2026-01-01T00:00:00Z", 2, "21", SETTINGS, ladders, trials);
  }

  private static FanoutLadder ladder(String target, int subscribers, FanoutStep... steps) {
    return FanoutLadder.measured(target, subscribers, List.of(steps), SETTINGS.rule(), null);
  }

  private static FanoutStep step(
      String target, int subscribers, int rate, double p99, boolean held) {
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
        latency,
        latency,
        0,
        512.0,
        1.5,
        held,
        null);
  }
}
