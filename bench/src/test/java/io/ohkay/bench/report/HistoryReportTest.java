package io.ohkay.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HistoryReportTest {

  private static final HistorySettings SETTINGS =
      new HistorySettings(1_000_000, 50, 10_000, 2_000, 10);

  @Test
  void shouldMeetTheTargetAndShowRatiosWhenTheSystemP99IsWithinIt() {
    var report = report(reads("system", 2.0, 8.0, 0), reads("baseline", 0.5, 2.0, 0));

    assertThat(report.targetMet()).isTrue();
    assertThat(report.markdown())
        .containsPattern("\\| p50 \\(ms\\)\\s+\\|\\s+2\\.00 \\|\\s+0\\.50 \\|\\s+4\\.00x \\|")
        .containsPattern("\\| p99 \\(ms\\)\\s+\\|\\s+8\\.00 \\|\\s+2\\.00 \\|\\s+4\\.00x \\|")
        .containsPattern("\\| pages read / wrong \\|\\s+10000 / 0 \\|\\s+10000 / 0 \\|")
        .contains("Target: system p99 <= 10 ms: met");
  }

  @Test
  void shouldMissTheTargetWhenTheSystemP99IsAboveIt() {
    var report = report(reads("system", 2.0, 12.0, 0), reads("baseline", 0.5, 2.0, 0));

    assertThat(report.targetMet()).isFalse();
    assertThat(report.markdown()).contains("Target: system p99 <= 10 ms: **missed**");
  }

  @Test
  void shouldMissTheTargetWhenAPageWasWrongEvenIfFast() {
    var report = report(reads("system", 2.0, 8.0, 1), reads("baseline", 0.5, 2.0, 0));

    assertThat(report.targetMet()).isFalse();
  }

  @Test
  void shouldWriteOneCsvRowPerTargetWhenSaved(@TempDir Path dir) throws Exception {
    var report = report(reads("system", 2.0, 8.0, 0), reads("baseline", 0.5, 2.0, 3));

    List<Path> files = ResultFiles.write(dir, report);

    List<String> csv = Files.readAllLines(files.get(1));
    assertThat(csv).hasSize(3);
    assertThat(csv.get(1)).startsWith("system,10000,2.000,");
    assertThat(csv.get(2)).startsWith("baseline,10000,0.500,").endsWith(",3");
    assertThat(files.get(0).getFileName().toString()).startsWith("history-");
  }

  private static HistoryReport report(PageReads system, PageReads baseline) {
    return new HistoryReport(
        "2026-01-01T00:00:00Z", 2, "21", SETTINGS, 30.0, system, baseline, null);
  }

  private static PageReads reads(String target, double p50, double p99, long wrong) {
    return new PageReads(
        target, new LatencySummary(10_000, p50, p50 * 2, p99, p99 * 2, p99 * 3), wrong);
  }
}
