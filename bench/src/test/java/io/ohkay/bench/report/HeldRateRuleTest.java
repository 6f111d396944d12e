package io.ohkay.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class HeldRateRuleTest {

  private final HeldRateRule rule = new HeldRateRule(250.0);

  @Test
  void shouldHoldWhenNothingIsLostAndP99IsWithinThreshold() {
    assertThat(rule.holds(1_000, 0, latency(250.0))).isTrue();
  }

  @Test
  void shouldNotHoldWhenOneMessageIsLost() {
    assertThat(rule.holds(1_000, 1, latency(10.0))).isFalse();
  }

  @Test
  void shouldNotHoldWhenP99IsAboveThreshold() {
    assertThat(rule.holds(1_000, 0, latency(250.01))).isFalse();
  }

  @Test
  void shouldNotHoldWhenNothingWasSent() {
    assertThat(rule.holds(0, 0, latency(0.0))).isFalse();
  }

  @Test
  void shouldHoldWhenTheAchievedShareReachesTheMinimum() {
    var achieving = new HeldRateRule(1_000.0, 0.95);

    assertThat(achieving.holds(100, 0, latency(500.0), 0.95)).isTrue();
    assertThat(achieving.holds(100, 0, latency(500.0), 0.949)).isFalse();
    assertThat(achieving.holds(100, 1, latency(500.0), 1.0)).isFalse();
    assertThat(achieving.holds(100, 0, latency(1_000.1), 1.0)).isFalse();
  }

  @Test
  void shouldStopAtFirstFailureWhenAHigherRateHoldsAgain() {
    var steps = List.of(step(200, true), step(500, true), step(1000, false), step(1500, true));

    assertThat(rule.highestHeld(steps)).hasValue(500);
    assertThat(rule.neverFailed(steps)).isFalse();
  }

  @Test
  void shouldJudgeInRateOrderWhenStepsRanOutOfOrder() {
    var steps = List.of(step(1000, true), step(200, true), step(500, false));

    assertThat(rule.highestHeld(steps)).hasValue(200);
  }

  @Test
  void shouldHaveNoHeldRateWhenTheLowestRateFails() {
    var steps = List.of(step(200, false), step(1000, false));

    assertThat(rule.highestHeld(steps)).isEmpty();
  }

  @Test
  void shouldReportNeverFailedWhenEveryStepHeld() {
    var steps = List.of(step(200, true), step(1000, true));

    assertThat(rule.highestHeld(steps)).hasValue(1000);
    assertThat(rule.neverFailed(steps)).isTrue();
    assertThat(rule.neverFailed(List.of())).isFalse();
  }

  static LatencySummary latency(double p99) {
    return new LatencySummary(100, p99 / 2, p99 / 1.5, p99, p99 * 1.2, p99 * 2);
  }

  static StepResult step(int rate, boolean held) {
    return new StepResult(
        "baseline",
        rate,
        10,
        rate * 10L,
        rate * 10L,
        0,
        0,
        latency(5),
        latency(3),
        latency(1),
        1.5,
        held,
        null);
  }
}
