package io.ohkay.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class FanoutSettingsTest {

  private static final FanoutSettings SETTINGS =
      new FanoutSettings(List.of(100, 1000), 5000, 10_000, 2, 5, 3, 3, 100, 0.6);

  @Test
  void shouldStartEachLadderAtTheSameDeliveriesWhenSubscribersDiffer() {
    assertThat(SETTINGS.firstRate(100)).isEqualTo(50);
    assertThat(SETTINGS.firstRate(1000)).isEqualTo(5);
    assertThat(SETTINGS.firstRate(20_000)).isEqualTo(1);
  }
}
