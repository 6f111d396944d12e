package io.ohkay.bench.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class LatencySummaryTest {

  @Test
  void shouldGivePercentilesInMillisWhenValuesAreMicros() {
    var micros = new Histogram(3);
    for (long millis = 1; millis <= 1_000; millis++) {
      micros.recordValue(millis * 1_000);
    }

    LatencySummary summary = LatencySummary.ofMicros(micros);

    assertThat(summary.count()).isEqualTo(1_000);
    assertThat(summary.p50Millis()).isCloseTo(500.0, within(0.5));
    assertThat(summary.p90Millis()).isCloseTo(900.0, within(0.9));
    assertThat(summary.p99Millis()).isCloseTo(990.0, within(1.0));
    assertThat(summary.p999Millis()).isCloseTo(999.0, within(1.0));
    assertThat(summary.maxMillis()).isCloseTo(1_000.0, within(1.0));
  }

  @Test
  void shouldBeDominatedByTheTailWhenOnePercentIsSlow() {
    var micros = new Histogram(3);
    micros.recordValueWithCount(2_000, 980);
    micros.recordValueWithCount(400_000, 20);

    LatencySummary summary = LatencySummary.ofMicros(micros);

    assertThat(summary.p50Millis()).isCloseTo(2.0, within(0.01));
    assertThat(summary.p99Millis()).isCloseTo(400.0, within(0.5));
  }

  @Test
  void shouldBeZeroWhenNothingWasRecorded() {
    LatencySummary summary = LatencySummary.ofMicros(new Histogram(3));

    assertThat(summary).isEqualTo(new LatencySummary(0, 0, 0, 0, 0, 0));
  }
}
