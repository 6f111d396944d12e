package io.ohkay.edge.position;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class PositionWaitTest {

  @Test
  void shouldBackOffUpToTwoHundredMillisWhenPolling() {
    assertThat(PositionWait.backoff(0)).isEqualTo(Duration.ofMillis(10));
    assertThat(PositionWait.backoff(1)).isEqualTo(Duration.ofMillis(20));
    assertThat(PositionWait.backoff(4)).isEqualTo(Duration.ofMillis(160));
    assertThat(PositionWait.backoff(5)).isEqualTo(Duration.ofMillis(200));
    assertThat(PositionWait.backoff(1_000)).isEqualTo(Duration.ofMillis(200));
  }
}
