package io.ohkay.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class E2eReportTest {

  private static final RunSettings SETTINGS =
      new RunSettings(List.of(200, 500, 1000, 2000, 3000), List.of(200, 1000), 10, 5, 100, 5, 250);

  @Test
  void shouldShowTargetsSideBySideWithRatiosWhenBothWereMeasured() {
    var report = report(baseline(), system());

    String markdown = report.markdown();

    assertThat(markdown)
        .contains("| metric                    |    system |  baseline | system / baseline |")
        .contains("| p50 @ 200 msg/s (ms)      |     10.00 |      5.00 |             2.00x |")
        .contains("| p50 @ 1000 msg/s (ms)     |     20.00 |      8.00 |             2.50x |")
        .contains("| p99 @ 1000 msg/s (ms)     |    100.00 |     50.00 |             2.00x |")
        .contains("| lost @ 1000 msg/s         | 0 / 10000 | 0 / 10000 |                 - |")
        .contains("| highest rate held (msg/s) |      1000 |      2000 |             0.50x |");
  }

  @Test
  void shouldListEveryStepWithTheBaselineLastWhenRendered() {
    String markdown = report(baseline(), system()).markdown();

    assertThat(markdown.lines().filter(l -> l.startsWith("| system ")).count()).isEqualTo(3);
    assertThat(markdown.lines().filter(l -> l.startsWith("| baseline ")).count()).isEqualTo(4);
    assertThat(markdown.indexOf("| system   |           200 |"))
        .isPositive()
        .isLessThan(markdown.indexOf("| baseline |           200 |"));
    assertThat(markdown).contains("| system   |          1500 |");
  }

  @Test
  void shouldCompareEachScenarioWithItsOwnBaselineAndListAllStepsInOneTableWhenDmsRan() {
    var dmBaseline =
        TargetResult.measured(
            "baseline-dm", List.of(step("baseline-dm", 1000, 4, 40, true)), SETTINGS.rule(), null);
    var dmSystem =
        TargetResult.measured(
            "system-dm", List.of(step("system-dm", 1000, 30, 80, true)), SETTINGS.rule(), null);

    String markdown = report(baseline(), system(), dmBaseline, dmSystem).markdown();

    assertThat(markdown)
        .contains("| metric                    |    system |  baseline | system / baseline |")
        .contains(
            "| metric                    | system-dm | baseline-dm | system-dm / baseline-dm |")
        .contains(
            "| p99 @ 1000 msg/s (ms)     |     80.00 |       40.00 |                   2.00x |");
    assertThat(markdown.lines().filter(l -> l.startsWith("| target ")).count()).isEqualTo(1);
    assertThat(markdown.indexOf("| system-dm   |          1000 |"))
        .isPositive()
        .isLessThan(markdown.indexOf("| baseline-dm |          1000 |"));
  }

  @Test
  void shouldShowMissingValuesAndTheReasonWhenATargetDidNotRun() {
    var report = report(baseline(), TargetResult.notRun("system", "not run: not implemented"));

    String markdown = report.markdown();

    assertThat(markdown)
        .contains("| p50 @ 200 msg/s (ms)      |      - |      5.00 |                 - |")
        .contains("| highest rate held (msg/s) |      - |      2000 |                 - |")
        .contains("* system: not run: not implemented");
  }

  @Test
  void shouldMarkTheHeldRateAsALowerBoundWhenNoStepFailed() {
    var steps = List.of(step("baseline", 200, 5, 20, true), step("baseline", 1000, 8, 50, true));
    var baseline = TargetResult.measured("baseline", steps, SETTINGS.rule(), null);

    assertThat(report(baseline).markdown()).contains("| highest rate held (msg/s) |   >= 1000 |");
  }

  @Test
  void shouldWriteOneCsvRowPerStepAndTheWholeReportAsJsonWhenSaved(@TempDir Path dir)
      throws Exception {
    var report = report(baseline(), system());

    List<Path> files = ResultFiles.write(dir, report);

    assertThat(files).hasSize(3).allSatisfy(file -> assertThat(file).exists());
    List<String> csv = Files.readAllLines(files.get(1));
    assertThat(csv).hasSize(1 + 7);
    assertThat(csv.get(1)).startsWith("baseline,200,10,2000,2000,0,0,5.000,");
    assertThat(csv.get(1).split(",", -1)).hasSameSizeAs(csv.get(0).split(","));
    assertThat(csv.get(1)).endsWith(",1.500,true,");
    JsonNode json = JsonMapper.builder().build().readTree(files.get(2).toFile());
    assertThat(json.path("targets").get(1).path("highestHeldRate").asInt()).isEqualTo(1000);
    assertThat(json.path("settings").path("p99ThresholdMillis").asDouble()).isEqualTo(250.0);
  }

  private static E2eReport report(TargetResult... targets) {
    return new E2eReport("2026-01-01T00:00:00Z", 2, "21", SETTINGS, List.of(targets));
  }

  private static TargetResult baseline() {
    var steps =
        List.of(
            step("baseline", 200, 5, 20, true),
            step("baseline", 1000, 8, 50, true),
            step("baseline", 2000, 12, 200, true),
            step("baseline", 3000, 400, 900, false));
    return TargetResult.measured("baseline", steps, SETTINGS.rule(), null);
  }

  private static TargetResult system() {
    var steps =
        List.of(
            step("system", 200, 10, 40, true),
            step("system", 1000, 20, 100, true),
            step("system", 1500, 300, 600, false));
    return TargetResult.measured("system", steps, SETTINGS.rule(), null);
  }

  private static StepResult step(String target, int rate, double p50, double p99, boolean held) {
    var latency = new LatencySummary(rate * 10L, p50, p50 * 2, p99, p99 * 2, p99 * 3);
    return new StepResult(
        target, rate, 10, rate * 10L, rate * 10L, 0, 0, latency, latency, latency, 1.5, held, null);
  }
}
