package io.ohkay.bench.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TargetRunTest {

  private final List<String> calls = new ArrayList<>();

  @Test
  void shouldMeasureThenCloseWhenTheTargetOpens() throws InterruptedException {
    String result = TargetRun.measure(() -> new Probe(calls), this::measured, problem -> problem);

    assertThat(result).isEqualTo("measured");
    assertThat(calls).containsExactly("measure", "close");
  }

  @Test
  void shouldSayWhyNotRunWhenTheTargetCannotStart() throws InterruptedException {
    String result =
        TargetRun.measure(
            () -> {
              throw new IllegalStateException("no broker");
            },
            this::measured,
            problem -> problem);

    assertThat(result).isEqualTo("not run: no broker");
    assertThat(calls).isEmpty();
  }

  @Test
  void shouldNameTheExceptionWhenItHasNoMessage() throws InterruptedException {
    String result =
        TargetRun.measure(
            () -> {
              throw new IllegalStateException();
            },
            this::measured,
            problem -> problem);

    assertThat(result).isEqualTo("not run: java.lang.IllegalStateException");
  }

  @Test
  void shouldCloseAndRethrowWhenMeasuringFails() {
    assertThatThrownBy(
            () ->
                TargetRun.measure(
                    () -> new Probe(calls),
                    probe -> {
                      throw new IllegalStateException("lost");
                    },
                    problem -> problem))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("lost");
    assertThat(calls).containsExactly("close");
  }

  private String measured(Probe probe) {
    calls.add("measure");
    return "measured";
  }

  /** A target that records being closed. */
  private record Probe(List<String> calls) implements AutoCloseable {
    @Override
    public void close() {
      calls.add("close");
    }
  }
}
