package io.ohkay.bench.command;

import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * One target measured: opened, measured and closed; or, when it cannot start, a result saying why
 * it was not run. A failure while measuring is the scenario's to report, not caught here.
 */
public final class TargetRun {

  private TargetRun() {}

  /** What a scenario measures on an open target. */
  @FunctionalInterface
  public interface Measurement<T, R> {
    R measure(T target) throws InterruptedException;
  }

  /**
   * Opens a target with {@code open} and measures it with {@code measurement}, closing it after;
   * when opening throws, returns {@code notRun} of {@code "not run: <reason>"} instead.
   */
  public static <T extends AutoCloseable, R> R measure(
      Supplier<? extends T> open, Measurement<? super T, R> measurement, Function<String, R> notRun)
      throws InterruptedException {
    T target;
    try {
      target = open.get();
    } catch (RuntimeException cannotStart) {
      String reason = Objects.requireNonNullElse(cannotStart.getMessage(), cannotStart.toString());
      return notRun.apply("not run: " + reason);
    }
    try (target) {
      return measurement.measure(target);
    } catch (InterruptedException | RuntimeException e) {
      throw e;
    } catch (Exception closing) {
      // The bench's target types close without checked exceptions; AutoCloseable's may have one.
      throw new IllegalStateException(closing);
    }
  }
}
