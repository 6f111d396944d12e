package io.ohkay.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class SigninReportTest {

  private static final SigninSettings SETTINGS =
      new SigninSettings(List.of(20, 5, 10), 10, 5, 5, 10, 1_000, 95, 200, 4, 200, 5);

  private static final HashFloor FLOOR =
      new HashFloor(
          "argon2id v=19 m=19456,t=2,p=1",
          new LatencySummary(200, 50.0, 60.0, 80.0, 90.0, 100.0),
          2,
          5.0,
          100,
          20.0);

  @Test
  void shouldRateTheHeldRateAndLatenciesAgainstTheFloorWhenALimitWasFound() {
    var report = report(step(5, 100.0, 200.0, true), step(10, 120.0, 300.0, true), failed(20));

    assertThat(report.highestHeldRate()).isEqualTo(10);
    assertThat(report.markdown())
        .contains("`argon2id v=19 m=19456,t=2,p=1`")
        .containsPattern("\\| highest rate held .* \\|\\s+10 \\|\\s+20\\.0 \\|\\s+0\\.50x \\|")
        .containsPattern(
            "\\| p50 @ 5/s \\(ms\\) vs one hash\\s+\\|\\s+100\\.00 \\|\\s+50\\.00 \\|\\s+2\\.00x \\|")
        .containsPattern(
            "\\| p99 @ 10/s \\(ms\\) vs one hash\\s+\\|\\s+300\\.00 \\|\\s+80\\.00 \\|\\s+3\\.75x \\|");
  }

  @Test
  void shouldShowALowerBoundWhenNoStepFailed() {
    var report = report(step(5, 100.0, 200.0, true), step(10, 120.0, 300.0, true));

    assertThat(report.neverFailed()).isTrue();
    assertThat(report.markdown())
        .containsPattern(
            "\\| highest rate held .* \\|\\s+>= 10 \\|\\s+20\\.0 \\|\\s+>= 0\\.50x \\|");
  }

  @Test
  void shouldShowNoRatioAndTheReasonWhenNoStepHeld() {
    var report =
        SigninReport.of(
            "2026-01-01T00:00:00Z", "21", SETTINGS, FLOOR, 20.0, List.of(failed(5)), "stopped: x");

    assertThat(report.highestHeldRate()).isNull();
    assertThat(report.markdown())
        .containsPattern("\\| highest rate held .* \\|\\s+< 5 \\|\\s+20\\.0 \\|\\s+- \\|")
        .contains("Not (fully) measured: stopped: x");
  }

  @Test
  void shouldWriteSigninFilesWithOneCsvRowPerStepWhenSaved(@TempDir Path dir) throws Exception {
    var report = report(step(5, 100.0, 200.0, true), failed(10));

    List<Path> files = ResultFiles.write(dir, report);

    assertThat(files)
        .allSatisfy(file -> assertThat(file.getFileName().toString()).startsWith("signin-"));
    List<String> csv = Files.readAllLines(files.get(1));
    assertThat(csv).hasSize(1 + 2);
    assertThat(csv.get(1)).startsWith("5,10,50,50,0,5.000,100.000,");
    assertThat(csv.get(2).split(",", -1)).hasSameSizeAs(csv.get(0).split(","));
    assertThat(csv.get(2)).endsWith(",false,HTTP 503");
    JsonNode json = JsonMapper.builder().build().readTree(files.get(2).toFile());
    assertThat(json.path("floor").path("perSecond").asDouble()).isEqualTo(20.0);
    assertThat(json.path("highestHeldRate").asInt()).isEqualTo(5);
  }

  private static SigninReport report(SigninStep... steps) {
    return SigninReport.of(
        "2026-01-01T00:00:00Z", "21", SETTINGS, FLOOR, 20.0, List.of(steps), null);
  }

  private static SigninStep step(int rate, double p50, double p99, boolean held) {
    var latency = new LatencySummary(rate * 10L, p50, p50 * 1.5, p99, p99, p99);
    return new SigninStep(
        rate, 10, rate * 10L, rate * 10L, 0, rate, latency, latency, 1.0, held, null);
  }

  private static SigninStep failed(int rate) {
    var latency = new LatencySummary(rate * 5L, 900.0, 2_000.0, 3_000.0, 3_000.0, 3_000.0);
    return new SigninStep(
        rate,
        10,
        rate * 10L,
        rate * 5L,
        rate * 5L,
        rate * 0.5,
        latency,
        latency,
        1.0,
        false,
        "HTTP 503");
  }
}
