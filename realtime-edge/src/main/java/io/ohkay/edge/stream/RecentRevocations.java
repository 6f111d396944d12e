package io.ohkay.edge.stream;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The revocations the hub dispatched lately, with their reasons, so a connection whose token passed
 * authentication just before its revocation was applied, and which opens just after the hub ended
 * that session's streams, is ended too. Bounded by count: the window it covers is the instant
 * between authentication and registration. Not thread-safe: the hub's lock guards it.
 */
final class RecentRevocations {

  static final int CAPACITY = 10_000;

  private final Map<UUID, String> reasons = new HashMap<>();
  private final ArrayDeque<UUID> order = new ArrayDeque<>();

  /** Remembers that {@code id} (a session or a user) was revoked for {@code reason}. */
  void record(UUID id, String reason) {
    if (reasons.put(id, reason) == null) {
      order.addLast(id);
    }
    while (order.size() > CAPACITY) {
      reasons.remove(order.removeFirst());
    }
  }

  /** Why the account or the session was revoked, or null when it was not (lately). */
  @Nullable String reasonFor(UUID user, UUID session) {
    var reason = reasons.get(user);
    return reason != null ? reason : reasons.get(session);
  }
}
