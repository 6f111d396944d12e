package io.ohkay.edge.stream;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;

/**
 * The connections of a user and of everyone sharing a server with them, for what reaches co-members
 * whatever channel they can view (profile updates, presence). Under the hub's lock.
 */
final class CoMembers {

  private final MembershipIndex<UUID, StreamSession> byServer;
  private final MembershipIndex<UUID, StreamSession> byUser;
  private final RecentJoins recentJoins;

  /**
   * @param byServer the hub's live connections by server
   * @param byUser the hub's connections by user
   * @param recentJoins the hub's joins and leaves seen lately
   */
  CoMembers(
      MembershipIndex<UUID, StreamSession> byServer,
      MembershipIndex<UUID, StreamSession> byUser,
      RecentJoins recentJoins) {
    this.byServer = byServer;
    this.byUser = byUser;
    this.recentJoins = recentJoins;
  }

  /**
   * The connections of {@code user} and of the members of their servers: the registry's {@code
   * servers} of the user, minus the leaves and plus the joins seen lately, plus the servers of the
   * user's own connections (which the registry may not have caught up with).
   */
  Set<StreamSession> of(UUID user, Collection<UUID> servers) {
    var shared = new LinkedHashSet<>(servers);
    var now = System.nanoTime();
    shared.removeAll(recentJoins.leftOf(user, now));
    shared.addAll(recentJoins.of(user, now));
    var targets = new LinkedHashSet<StreamSession>();
    for (var own : byUser.membersOf(user)) {
      shared.addAll(own.servers());
      targets.add(own);
    }
    shared.forEach(server -> targets.addAll(byServer.membersOf(server)));
    return targets;
  }
}
