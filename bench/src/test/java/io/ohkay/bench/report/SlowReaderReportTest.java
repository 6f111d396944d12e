package io.ohkay.bench.report;

import static io.ohkay.bench.report.FanoutReportTest.step;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class SlowReaderReportTest {

  private static final SlowReaderSettings SETTINGS =
      new SlowReaderSettings(100, 50, 1200, 10, 1, 600, 3900, 15, 3, 100, 1.2);

  @Test
  void shouldLengthenEachHalfWhenItsRateSendsTooFewMessages() {
    assertThat(SETTINGS.seconds()).isEqualTo(24);
    assertThat(new SlowReaderSettings(100, 500, 1200, 10, 1, 600, 3900, 15, 3, 100, 1.2).seconds())
        .isEqualTo(10);
  }

  @Test
  void shouldCompareWithTheLowerHalfWithoutAndJudgeTheSystemWhenAllRan() {
    var system = trial("system", 80, 55, 50, 1, 2200);
    var baseline = trial("baseline", 10, 30, 12, 0, 5000);

    String markdown = report(system, baseline).markdown();

    assertThat(system.p99Ratio()).isEqualTo(1.1, within(1e-9));
    assertThat(baseline.p99Ratio()).isEqualTo(3.0, within(1e-9));
    assertThat(markdown)
        .containsPattern(
            "\\| system   \\|\\s+50 \\|\\s+40.00 \\|\\s+27.50 \\|\\s+80.00 \\|\\s+55.00 \\|\\s+50.00 \\|"
                + "\\s+1.10x \\|\\s+0 / 0 / 0 \\|\\s+1 / 1 \\|\\s+2200 \\|")
        .contains(
            "Target system p99 with / without slow readers <= 1.20: met (1.10x); slow readers cut"
                + " off with overflow: 1 of 1")
        .doesNotContain("Target baseline");
    assertThat(markdown.lines().filter(l -> l.startsWith("| system ")).count()).isEqualTo(1 + 3);
  }

  @Test
  void shouldSayMissedWhenTheOthersSlowDownTooMuch() {
    var system = trial("system", 50, 80, 60, 0, 1501);

    assertThat(report(system).markdown())
        .contains("<= 1.20: **missed** (1.60x); slow readers cut off with overflow: 0 of 1");
  }

  @Test
  void shouldKeepWhatRanAndSayWhyWhenTheTrialStopped() {
    var system =
        new SlowReaderTrial(
            "system", 100, 1, step("system", 100, 50, 50, true), null, null, 0, 0, "stopped: boom");

    var report = report(system);

    assertThat(system.p99Ratio()).isNull();
    assertThat(report.markdown()).contains("not measured").contains("* system: stopped: boom");
    assertThat(report.csv().lines()).hasSize(2);
  }

  private static SlowReaderTrial trial(
      String target, double before, double with, double after, int cutOff, long messages) {
    return new SlowReaderTrial(
        target,
        100,
        1,
        step(target, 100, 50, before, true),
        step(target, 100, 50, with, true),
        step(target, 100, 50, after, true),
        cutOff,
        messages,
        null);
  }

  private static SlowReaderReport report(SlowReaderTrial... trials) {
    return new SlowReaderReport("2026-01-01T00:00:00Z", 2, "21", SETTINGS, List.of(trials));
  }
}
