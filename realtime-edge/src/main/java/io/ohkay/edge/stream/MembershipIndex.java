package io.ohkay.edge.stream;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which connections belong to a key (a server, a user), so dispatching an event costs the
 * connections of its server, not every connection. Not thread-safe: the hub guards it.
 */
final class MembershipIndex<K, S> {

  private final Map<K, Set<S>> members = new HashMap<>();

  /** Adds {@code member} under {@code key}; false when it was there already. */
  boolean add(K key, S member) {
    return members.computeIfAbsent(key, k -> new LinkedHashSet<>()).add(member);
  }

  /** Removes {@code member} from {@code key}, forgetting keys left empty. */
  void remove(K key, S member) {
    var set = members.get(key);
    if (set != null && set.remove(member) && set.isEmpty()) {
      members.remove(key);
    }
  }

  /** A snapshot of the members of {@code key}, safe to iterate while the index changes. */
  List<S> membersOf(K key) {
    var set = members.get(key);
    return set == null ? List.of() : List.copyOf(set);
  }

  /** Whether {@code key} has members. */
  boolean has(K key) {
    return members.containsKey(key);
  }

  /** How many keys have members. */
  int keys() {
    return members.size();
  }
}
