package io.ohkay.schemas.outcome;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PositionTest {

  private final UUID aggregate = UUID.randomUUID();

  @Test
  void shouldReadAggregateAndSeqWhenWellFormed() {
    assertThat(Position.parse(aggregate + ":42")).isEqualTo(new Position(aggregate, 42));
    assertThat(Position.parse(" " + aggregate + " : 7 ").seq()).isEqualTo(7);
    assertThat(new Position(aggregate, 3)).hasToString(aggregate + ":3");
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
      assertThatIllegalArgumentException().as(text).isThrownBy(() -> Position.parse(text));
    }
  }
}
