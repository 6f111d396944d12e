package io.ohkay.edge.presence;

import io.ohkay.schemas.id.UserId;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;

/**
 * At most one typing signal per user and place (channel or conversation) per window: later calls
 * within it are let through silently with nothing published. Places not typed in for a window are
 * forgotten once the table grows, so it stays small.
 */
final class TypingLimiter {

  /** Entries past which the stale ones are swept. */
  private static final int SWEEP_ABOVE = 10_000;

  private record Key(UserId user, UUID place) {}

  private final long windowNanos;
  private final LongSupplier nanoTime;
  private final Map<Key, Long> lastSent = new ConcurrentHashMap<>();

  /**
   * @param window the least time between two signals of one user in one place
   * @param nanoTime a monotonic clock ({@code System::nanoTime})
   */
  TypingLimiter(Duration window, LongSupplier nanoTime) {
    this.windowNanos = window.toNanos();
    this.nanoTime = nanoTime;
  }

  /**
   * Whether {@code user} may send a typing signal for {@code place} now (and it counts as sent).
   */
  boolean tryAcquire(UserId user, UUID place) {
    var now = nanoTime.getAsLong();
    var allowed = new AtomicBoolean();
    lastSent.compute(
        new Key(user, place),
        (key, last) -> {
          if (last != null && now - last < windowNanos) {
            return last;
          }
          allowed.set(true);
          return now;
        });
    if (lastSent.size() > SWEEP_ABOVE) {
      lastSent.values().removeIf(last -> now - last >= windowNanos);
    }
    return allowed.get();
  }
}
