package io.ohkay.bench.fanout;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.function.IntPredicate;
import org.junit.jupiter.api.Test;

class RateLadderTest {

  @Test
  void shouldDoubleThenNarrowDownWhenAStepFails() {
    assertThat(climb(50, 10_000, 2, rate -> rate <= 500))
        .containsExactly(50, 100, 200, 400, 800, 566, 476);
  }

  @Test
  void shouldStopAtOnceWhenTheFirstStepFails() {
    assertThat(climb(50, 10_000, 2, rate -> false)).containsExactly(50);
  }

  @Test
  void shouldStopAtTheMaximumWhenEveryStepHolds() {
    assertThat(climb(30, 100, 2, rate -> true)).containsExactly(30, 60, 100);
  }

  @Test
  void shouldStopNarrowingWhenNoRateIsLeftBetween() {
    assertThat(climb(1, 10_000, 5, rate -> rate <= 2)).containsExactly(1, 2, 4, 3);
  }

  @Test
  void shouldNotNarrowDownWhenNoRefinementIsAsked() {
    assertThat(climb(5, 10_000, 0, rate -> rate < 40)).containsExactly(5, 10, 20, 40);
  }

  private static List<Integer> climb(int first, int max, int refine, IntPredicate holds) {
    var ladder = new RateLadder(max, refine);
    List<Integer> tried = new ArrayList<>();
    OptionalInt next = OptionalInt.of(first);
    while (next.isPresent()) {
      int rate = next.getAsInt();
      tried.add(rate);
      next = ladder.next(rate, holds.test(rate));
    }
    return tried;
  }
}
