package io.ohkay.edge.position;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class MinPositionTest {

  private final UUID aggregate = UUID.randomUUID();

  @Test
  void shouldReadAggregateAndSeqWhenWellFormed() {
    assertThat(MinPosition.parse(aggregate + ":42")).isEqualTo(new MinPosition(aggregate, 42));
    assertThat(MinPosition.parse(" " + aggregate + " : 7 ").seq()).isEqualTo(7);
    assertThat(new MinPosition(aggregate, 3)).hasToString(aggregate + ":3");
  }

  @Test
  void shouldRefuseWhenMalformed() {
    for (var text :
        List.of(
            "",
            "42",
            aggregate.toString(),
            aggregate + ":",
            aggregate + ":0",
            aggregate + ":-3",
            aggregate + ":1.5",
            aggregate + ":99999999999999999999",
            "1-1-1-1-1:4",
            ":4")) {
      assertThatIllegalArgumentException().as(text).isThrownBy(() -> MinPosition.parse(text));
    }
  }

  @Test
  void shouldBackOffUpToTwoHundredMillisWhenPolling() {
    assertThat(PositionWait.backoff(0)).isEqualTo(Duration.ofMillis(10));
    assertThat(PositionWait.backoff(1)).isEqualTo(Duration.ofMillis(20));
    assertThat(PositionWait.backoff(4)).isEqualTo(Duration.ofMillis(160));
    assertThat(PositionWait.backoff(5)).isEqualTo(Duration.ofMillis(200));
    assertThat(PositionWait.backoff(1_000)).isEqualTo(Duration.ofMillis(200));
  }
}
