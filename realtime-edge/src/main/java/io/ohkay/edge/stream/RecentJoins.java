package io.ohkay.edge.stream;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The joins the feed has seen lately, so a connection opened before the registry projection caught
 * up with a join still gets that server: membership at connect is the registry's plus these.
 * Bounded by age and count; the registry covers anything older. Not thread-safe: the hub's lock
 * guards it.
 */
final class RecentJoins {

  static final Duration WINDOW = Duration.ofMinutes(5);
  static final int CAPACITY = 100_000;

  private record Join(UUID user, UUID server, long atNanos) {}

  private final ArrayDeque<Join> order = new ArrayDeque<>();
  private final Map<UUID, Map<UUID, Long>> byUser = new HashMap<>();

  void record(UUID user, UUID server, long nowNanos) {
    expire(nowNanos);
    order.addLast(new Join(user, server, nowNanos));
    byUser.computeIfAbsent(user, u -> new HashMap<>()).put(server, nowNanos);
  }

  Set<UUID> of(UUID user, long nowNanos) {
    expire(nowNanos);
    return Set.copyOf(byUser.getOrDefault(user, Map.of()).keySet());
  }

  private void expire(long nowNanos) {
    while (!order.isEmpty()
        && (order.size() > CAPACITY || nowNanos - order.peekFirst().atNanos() > WINDOW.toNanos())) {
      var old = order.removeFirst();
      var servers = byUser.get(old.user());
      if (servers != null && servers.remove(old.server(), old.atNanos()) && servers.isEmpty()) {
        byUser.remove(old.user());
      }
    }
  }
}
