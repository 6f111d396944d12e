package io.ohkay.bench.report;

import static io.ohkay.bench.report.FanoutReportTest.step;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class SlowReaderReportTest {

  private static final SlowReaderSettings SETTINGS =
      new SlowReaderSettings(100, 50, 1500, 10, 1, 600, 3900, 5, 3, 100, 1.2);

  @Test
  void shouldLengthenEachHalfWhenItsRateSendsTooFewMessages() {
    assertThat(SETTINGS.seconds()).isEqualTo(30);
    assertThat(new SlowReaderSettings(100, 500, 1500, 10, 1, 600, 3900, 5, 3, 100, 1.2).seconds())
        .isEqualTo(10);
  }

  @Test
  void shouldShowTheRatioAndJudgeTheSystemWhenBothHalvesRan() {
    var system =
        new SlowReaderTrial(
            "system",
            100,
            1,
            step("system", 100, 50, 50, true),
            step("system", 100, 50, 55, true),
            1,
            3200,
            null);
    var baseline =
        new SlowReaderTrial(
            "baseline",
            100,
            1,
            step("baseline", 100, 50, 10, true),
            step("baseline", 100, 50, 30, true),
            0,
            5000,
            null);

    String markdown = report(system, baseline).markdown();

    assertThat(system.p99Ratio()).isEqualTo(1.1, within(1e-9));
    assertThat(markdown)
        .containsPattern(
            "\\| system   \\|\\s+50 \\|\\s+25.00 \\|\\s+27.50 \\|\\s+50.00 \\|\\s+55.00 \\|\\s+1.10x \\|")
        .containsPattern("\\|\\s+1 / 1 \\|\\s+3200 \\|")
        .contains(
            "Target system p99 with / without slow readers <= 1.20: met (1.10x); slow readers cut off with"
                + " overflow: 1 of 1")
        .doesNotContain("Target baseline");
  }

  @Test
  void shouldSayMissedWhenTheOthersSlowDownTooMuch() {
    var system =
        new SlowReaderTrial(
            "system",
            100,
            1,
            step("system", 100, 50, 50, true),
            step("system", 100, 50, 80, true),
            0,
            1501,
            null);

    assertThat(report(system).markdown())
        .contains("<= 1.20: **missed** (1.60x); slow readers cut off with overflow: 0 of 1");
  }

  @Test
  void shouldKeepTheFirstHalfAndSayWhyWhenTheTrialStopped() {
    var system =
        new SlowReaderTrial(
            "system", 100, 1, step("system", 100, 50, 50, true), null, 0, 0, "stopped: boom");

    var report = report(system);

    assertThat(report.markdown()).contains("not measured").contains("* system: stopped: boom");
    assertThat(report.csv().lines()).hasSize(2);
  }

  private static SlowReaderReport report(SlowReaderTrial... trials) {
    return new SlowReaderReport("2026-01-01T00:00:00Z", 2, "21", SETTINGS, List.of(trials));
  }
}
