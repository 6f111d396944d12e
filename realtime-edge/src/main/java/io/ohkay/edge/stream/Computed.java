package io.ohkay.edge.stream;

import java.util.Objects;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * A value computed on first use, at most once, then shared by every thread: the encodings of an
 * event ({@link StreamEvent}) or a batch ({@link StreamBatch}), which the first connection that
 * needs one computes for all the others.
 *
 * @param <T> the value's type
 */
final class Computed<T> {

  private @Nullable Supplier<T> computation;
  private volatile @Nullable T value;

  /**
   * @param computation what computes the value; called once at most, then let go
   */
  Computed(Supplier<T> computation) {
    this.computation = computation;
  }

  T get() {
    var current = value;
    if (current == null) {
      synchronized (this) {
        current = value;
        if (current == null) {
          current = Objects.requireNonNull(Objects.requireNonNull(computation).get());
          value = current;
          computation = null;
        }
      }
    }
    return current;
  }
}
