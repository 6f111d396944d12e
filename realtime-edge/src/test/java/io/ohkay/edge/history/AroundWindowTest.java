package io.ohkay.edge.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AroundWindowTest {

  @Test
  void shouldSplitHalfOlderAndTheRestNewerWhenLimitIsEven() {
    assertThat(AroundWindow.of(50)).isEqualTo(new AroundWindow(25, 24));
    assertThat(AroundWindow.of(2)).isEqualTo(new AroundWindow(1, 0));
  }

  @Test
  void shouldSplitEvenlyAroundTheMessageWhenLimitIsOdd() {
    assertThat(AroundWindow.of(5)).isEqualTo(new AroundWindow(2, 2));
    assertThat(AroundWindow.of(101)).isEqualTo(new AroundWindow(50, 50));
  }

  @Test
  void shouldServeTheMessageAloneWhenLimitIsOne() {
    assertThat(AroundWindow.of(1)).isEqualTo(new AroundWindow(0, 0));
  }

  @Test
  void shouldFillTheLimitExactlyWhenBothSidesAreFull() {
    for (int limit = 1; limit <= 100; limit++) {
      var window = AroundWindow.of(limit);
      assertThat(window.older() + 1 + window.newer()).isEqualTo(limit);
      assertThat(window.older()).isBetween(window.newer(), window.newer() + 1);
    }
  }

  @Test
  void shouldRefuseWhenLimitIsBelowOne() {
    assertThatThrownBy(() -> AroundWindow.of(0)).isInstanceOf(IllegalArgumentException.class);
  }
}
