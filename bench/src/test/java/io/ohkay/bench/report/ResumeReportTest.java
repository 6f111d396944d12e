package io.ohkay.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ResumeReportTest {

  private static final ResumeSettings SETTINGS = new ResumeSettings(10_000, 3, 64);

  @Test
  void shouldSummarizeEachSourceByItsMedianReplayWhenAllWereRight() {
    var memory =
        new ResumeSource(
            "memory",
            "default",
            List.of(run(1, 400, true), run(2, 200, true), run(3, 250, true)),
            null);
    var kafka =
        new ResumeSource(
            "kafka",
            "none",
            List.of(run(1, 1000, true), run(2, 500, true), run(3, 800, true)),
            null);

    var report =
        new ResumeReport("2026-01-01T00:00:00Z", 2, "21", SETTINGS, List.of(memory, kafka));

    assertThat(report.allRight()).isTrue();
    assertThat(report.markdown())
        .containsPattern("\\| time to ready, median \\(ms\\)\\s+\\|\\s+250.00 \\|\\s+800.00 \\|")
        .containsPattern(
            "\\| time to ready, first / min / max \\(ms\\)\\s+\\|\\s+400.00 / 200.00 / 400.00 \\|")
        .containsPattern("\\| replayed events/s, median\\s+\\|\\s+40000 \\|\\s+12500 \\|")
        .containsPattern("\\| replays complete and in order\\s+\\|\\s+3 / 3 \\|\\s+3 / 3 \\|")
        .contains("The baseline has no resume");
  }

  @Test
  void shouldLeaveWrongReplaysOutOfTheMedianAndSayItWhenOneWasWrong() {
    var memory =
        new ResumeSource(
            "memory",
            "default",
            List.of(
                run(1, 400, true),
                new ReplayRun(2, 9_999, 1, 100, false, false, Double.NaN, "event: resync")),
            null);

    var report = new ResumeReport("2026-01-01T00:00:00Z", 2, "21", SETTINGS, List.of(memory));

    assertThat(report.allRight()).isFalse();
    assertThat(report.markdown())
        .containsPattern("\\| time to ready, median \\(ms\\)\\s+\\|\\s+400.00 \\|")
        .containsPattern("\\| replays complete and in order\\s+\\|\\s+1 / 2 \\|")
        .contains("| event: resync |");
    assertThat(report.csv().lines()).hasSize(3);
  }

  private static ReplayRun run(int attempt, double readyMillis, boolean right) {
    return new ReplayRun(attempt, 10_000, readyMillis / 10, readyMillis, right, right, 0.01, null);
  }
}
