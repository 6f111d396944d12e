package io.ohkay.bench.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class AnswersTest {

  private static final long MS = TimeUnit.MILLISECONDS.toNanos(1);
  private static final long START = 5_000 * MS;

  private final Answers answers = new Answers(new OpenLoopSchedule(10, 4, START));

  @Test
  void shouldTimeAnswersFromTheirScheduledSendWhenTheyWereFiredLate() {
    answers.fired(1, START + 150 * MS);
    answers.answered(1, 200, START + 200 * MS);

    assertThat(answers.latency().maxMillis()).isCloseTo(100.0, within(0.1));
    assertThat(answers.sendLag().maxMillis()).isCloseTo(50.0, within(0.1));
  }

  @Test
  void shouldCountNon2xxAndFailuresAsErrorsWhenAnswered() throws InterruptedException {
    answers.answered(0, 200, START + 10 * MS);
    answers.answered(1, 401, START + 110 * MS);
    answers.failed(new IOException("connection reset"));

    assertThat(answers.succeeded()).isEqualTo(1);
    assertThat(answers.errors()).isEqualTo(2);
    assertThat(answers.firstError()).isEqualTo("HTTP 401");
    assertThat(answers.unanswered()).isEqualTo(1);
    assertThat(answers.await(Duration.ZERO)).isFalse();
  }

  @Test
  void shouldMeasureTheAchievedRateUpToTheLastSuccessWhenEveryAnswerCame() {
    for (int seq = 0; seq < 4; seq++) {
      answers.answered(seq, 200, START + seq * 100 * MS + 100 * MS);
    }

    assertThat(answers.achievedRate()).isCloseTo(10.0, within(0.01));
  }

  @Test
  void shouldIgnoreAnswersWhenTheyCameAfterClose() throws InterruptedException {
    answers.answered(0, 200, START + 10 * MS);
    answers.close();
    answers.answered(1, 200, START + 20 * MS);
    answers.answered(2, 500, START + 20 * MS);

    assertThat(answers.succeeded()).isEqualTo(1);
    assertThat(answers.errors()).isZero();
    assertThat(answers.unanswered()).isEqualTo(1);
  }

  @Test
  void shouldHaveNoAchievedRateWhenNothingSucceeded() {
    answers.answered(0, 503, START + 10 * MS);

    assertThat(answers.achievedRate()).isZero();
  }
}
