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

class ProjectorReportTest {

  private static final ProjectorSettings SETTINGS =
      new ProjectorSettings(4, 500, 200_000, 20_000, 2, 0.7);

  @Test
  void shouldComputeMessagesPerSecondWhenGivenNanoseconds() {
    var throughput = throughput("system", 200_000, 20_000_000_000L);

    assertThat(throughput.seconds()).isCloseTo(20.0, within(1e-9));
    assertThat(throughput.messagesPerSecond()).isCloseTo(10_000.0, within(1e-6));
  }

  @Test
  void shouldMeetTheTargetWhenTheSystemReachesSeventyPercentOfTheBaseline() {
    var report =
        report(
            throughput("system", 200_000, 25_000_000_000L),
            throughput("baseline", 200_000, 20_000_000_000L));

    assertThat(report.ratio()).isCloseTo(0.8, within(1e-9));
    assertThat(report.targetMet()).isTrue();
    assertThat(report.markdown())
        .containsPattern("\\| messages/s\\s+\\|\\s+8000 \\|\\s+10000 \\|\\s+0\\.80x \\|")
        .containsPattern(
            "\\| batch p99 \\(ms\\)\\s+\\|\\s+80\\.00 \\|\\s+40\\.00 \\|\\s+2\\.00x \\|")
        .contains("Target: system / baseline >= 0.70: met");
  }

  @Test
  void shouldMissTheTargetWhenTheSystemIsBelowSeventyPercent() {
    var report =
        report(
            throughput("system", 200_000, 40_000_000_000L),
            throughput("baseline", 200_000, 20_000_000_000L));

    assertThat(report.ratio()).isCloseTo(0.5, within(1e-9));
    assertThat(report.targetMet()).isFalse();
    assertThat(report.markdown()).contains("Target: system / baseline >= 0.70: **missed**");
  }

  @Test
  void shouldShowNoRatioAndTheReasonWhenNothingWasMeasured() {
    var report =
        new ProjectorReport("2026-01-01T00:00:00Z", 2, "21", SETTINGS, null, null, "stopped: x");

    assertThat(report.ratio()).isNull();
    assertThat(report.targetMet()).isFalse();
    assertThat(report.markdown())
        .containsPattern("\\| messages/s\\s+\\|\\s+- \\|\\s+- \\|\\s+- \\|")
        .contains("not measured")
        .contains("Not (fully) measured: stopped: x");
    assertThat(report.csv().lines()).hasSize(1);
  }

  @Test
  void shouldWriteOneCsvRowPerTargetWhenSaved(@TempDir Path dir) throws Exception {
    var report =
        report(
            throughput("system", 200_000, 25_000_000_000L),
            throughput("baseline", 200_000, 20_000_000_000L));

    List<Path> files = ResultFiles.write(dir, report);

    assertThat(files)
        .allSatisfy(file -> assertThat(file.getFileName().toString()).startsWith("projector-"));
    List<String> csv = Files.readAllLines(files.get(1));
    assertThat(csv).hasSize(3);
    assertThat(csv.get(1)).startsWith("system,200000,400,25.000,8000.0,");
    assertThat(csv.get(2).split(",")).hasSameSizeAs(csv.get(0).split(","));
    JsonNode json = JsonMapper.builder().build().readTree(files.get(2).toFile());
    assertThat(json.path("baseline").path("messagesPerSecond").asDouble()).isEqualTo(10_000.0);
  }

  private static ProjectorReport report(Throughput system, Throughput baseline) {
    return new ProjectorReport("2026-01-01T00:00:00Z", 2, "21", SETTINGS, system, baseline, null);
  }

  private static Throughput throughput(String target, long messages, long nanos) {
    double p99 = target.equals("system") ? 80.0 : 40.0;
    var batch = new LatencySummary(messages / 500, p99 / 2, p99, p99, p99, p99);
    return Throughput.of(target, messages, messages / 500, nanos, batch, messages + 20_000);
  }
}
