package io.ohkay.bench.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.ohkay.bench.report.HeldRateRule;
import io.ohkay.bench.report.StepResult;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class StepRunTest {

  private static final long MS = TimeUnit.MILLISECONDS.toNanos(1);
  private static final long START = 1_000 * MS;

  private final StepRun run = new StepRun("t0", 100, 4, START);

  @Test
  void shouldScheduleMessagesOnePeriodApartWhenRateIsFixed() {
    assertThat(run.scheduledNanos(0)).isEqualTo(START);
    assertThat(run.scheduledNanos(3)).isEqualTo(START + 30 * MS);
  }

  @Test
  void shouldMeasureFromTheScheduledTimeWhenAMessageWasSentLate() {
    for (int seq = 0; seq < 4; seq++) {
      run.delivered(seq, START + 100 * MS);
    }

    StepResult result = run.result("baseline", 1, new HeldRateRule(250));

    assertThat(result.endToEnd().maxMillis()).isCloseTo(100.0, within(0.1));
    assertThat(result.endToEnd().p50Millis()).isCloseTo(80.0, within(0.1));
    assertThat(result.held()).isTrue();
  }

  @Test
  void shouldCountPostErrorsWhenAnswersAreNot2xxOrFail() throws InterruptedException {
    run.answered(0, 201, START + 3 * MS);
    run.answered(1, 429, START + 3 * MS);
    run.failed(new IOException("connection reset"));

    StepResult result = run.result("baseline", 1, new HeldRateRule(250));

    assertThat(result.postErrors()).isEqualTo(2);
    assertThat(result.firstError()).isEqualTo("HTTP 429");
    assertThat(result.postResponse().count()).isEqualTo(1);
    assertThat(run.awaitAnswers(Duration.ZERO)).isFalse();
  }

  @Test
  void shouldNotHoldWhenAMessageNeverArrived() {
    run.delivered(0, START);
    run.delivered(1, START + 10 * MS);
    run.delivered(2, START + 20 * MS);

    StepResult result = run.result("baseline", 1, new HeldRateRule(250));

    assertThat(result.lost()).isEqualTo(1);
    assertThat(result.held()).isFalse();
  }
}
