package io.ohkay.edge.stream;

import io.ohkay.edge.kafka.FeedRecord;
import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

/**
 * The membership events applied to the connections at their place in the feed: a user's {@code
 * member.joined.v1} adds the server to their connections before it is dispatched, their {@code
 * member.left.v1} removes it after, and a {@code server.deleted.v1} ends the server on every
 * connection after it. Called under the hub's lock only.
 */
final class MembershipEvents {

  /** Deleted servers remembered, so a registry read that predates a deletion is corrected. */
  static final int DELETED_MEMORY = 10_000;

  private final StreamHub hub;
  private final AccessLoads loads;
  private final MembershipIndex<UUID, StreamSession> byServer;
  private final MembershipIndex<UUID, StreamSession> byUser;
  private final Set<StreamSession> pending;
  private final RecentJoins recentJoins;
  private final Set<UUID> deleted = new HashSet<>();
  private final ArrayDeque<UUID> deletedOrder = new ArrayDeque<>();

  /**
   * @param hub the hub whose lock guards the indexes, told when pending connections may activate
   * @param loads the permissions of the servers, loaded for a server joined by a streaming user
   * @param byServer the hub's live connections by server
   * @param byUser the hub's connections by user
   * @param pending the hub's connections waiting for their servers' permissions
   * @param recentJoins the hub's joins and leaves seen lately
   */
  MembershipEvents(
      StreamHub hub,
      AccessLoads loads,
      MembershipIndex<UUID, StreamSession> byServer,
      MembershipIndex<UUID, StreamSession> byUser,
      Set<StreamSession> pending,
      RecentJoins recentJoins) {
    this.hub = hub;
    this.loads = loads;
    this.byServer = byServer;
    this.byUser = byUser;
    this.pending = pending;
    this.recentJoins = recentJoins;
  }

  /** Whether {@code server} was deleted (lately). */
  boolean deleted(UUID server) {
    return deleted.contains(server);
  }

  /** Adds the joined server to the user's connections, before its member.joined is offered. */
  void join(FeedRecord record) {
    var user = record.payloadId("userId");
    var server = record.payloadId("serverId");
    if (user == null) {
      return;
    }
    var joined = server == null ? record.aggregateId() : server;
    recentJoins.record(user, joined, System.nanoTime());
    var streaming = false;
    for (var session : byUser.membersOf(user)) {
      session.left().remove(joined);
      if (session.servers().add(joined) && session.active()) {
        byServer.add(joined, session);
      }
      streaming |= session.active() || pending.contains(session);
    }
    if (streaming) {
      loads.ensureLive(joined);
    }
  }

  /** Ends the server's events for the user's connections, after its member.left was offered. */
  void leave(FeedRecord record) {
    var user = record.payloadId("userId");
    var server = record.payloadId("serverId");
    if (user == null) {
      return;
    }
    var left = server == null ? record.aggregateId() : server;
    recentJoins.forget(user, left, System.nanoTime());
    for (var session : byUser.membersOf(user)) {
      session.left().add(left);
      if (session.servers().remove(left)) {
        byServer.remove(left, session);
      }
      if (pending.contains(session)) {
        hub.activationDue();
      }
    }
    loads.dropIfUnused(left);
  }

  /** Ends a deleted server on every connection, after its server.deleted was offered. */
  void deleteServer(UUID server) {
    if (deleted.add(server)) {
      deletedOrder.addLast(server);
      if (deletedOrder.size() > DELETED_MEMORY) {
        deleted.remove(deletedOrder.removeFirst());
      }
    }
    loads.deleted(server);
    for (var session : byServer.membersOf(server)) {
      session.left().add(server);
      session.servers().remove(server);
      byServer.remove(server, session);
    }
    for (var session : pending) {
      if (session.servers().remove(server)) {
        session.left().add(server);
        hub.activationDue();
      }
    }
  }
}
