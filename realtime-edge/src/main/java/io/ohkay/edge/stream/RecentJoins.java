package io.ohkay.edge.stream;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The membership changes the feed has seen lately, so a connection opened before the registry
 * projection caught up still gets the right servers: membership at connect is the registry's plus
 * the recent joins, minus the recent leaves. Only the latest change of a user in a server counts: a
 * leave after a join forgets the join. Bounded by age and count; the registry covers anything
 * older. Not thread-safe: the hub's lock guards it.
 */
final class RecentJoins {

  static final Duration WINDOW = Duration.ofMinutes(5);
  static final int CAPACITY = 100_000;

  private record Change(UUID user, UUID server, boolean joined, long atNanos) {}

  private final ArrayDeque<Change> order = new ArrayDeque<>();
  private final Map<UUID, Map<UUID, Change>> byUser = new HashMap<>();

  /** {@code user} joined {@code server}. */
  void record(UUID user, UUID server, long nowNanos) {
    change(new Change(user, server, true, nowNanos));
  }

  /** {@code user} left {@code server} (left, kicked or banned): an earlier join is forgotten. */
  void forget(UUID user, UUID server, long nowNanos) {
    change(new Change(user, server, false, nowNanos));
  }

  /** The servers {@code user} joined lately and did not leave since. */
  Set<UUID> of(UUID user, long nowNanos) {
    return latest(user, nowNanos, true);
  }

  /** The servers {@code user} left lately and did not rejoin since. */
  Set<UUID> leftOf(UUID user, long nowNanos) {
    return latest(user, nowNanos, false);
  }

  private void change(Change change) {
    expire(change.atNanos());
    order.addLast(change);
    byUser.computeIfAbsent(change.user(), u -> new HashMap<>()).put(change.server(), change);
  }

  private Set<UUID> latest(UUID user, long nowNanos, boolean joined) {
    expire(nowNanos);
    return byUser.getOrDefault(user, Map.of()).values().stream()
        .filter(change -> change.joined() == joined)
        .map(Change::server)
        .collect(Collectors.toUnmodifiableSet());
  }

  private void expire(long nowNanos) {
    while (!order.isEmpty()
        && (order.size() > CAPACITY || nowNanos - order.peekFirst().atNanos() > WINDOW.toNanos())) {
      var old = order.removeFirst();
      var servers = byUser.get(old.user());
      if (servers != null && servers.remove(old.server(), old) && servers.isEmpty()) {
        byUser.remove(old.user());
      }
    }
  }
}
