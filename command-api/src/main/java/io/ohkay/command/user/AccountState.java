package io.ohkay.command.user;

import io.ohkay.schemas.id.SessionId;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One account as its decider sees it: its e-mail (to release it on deletion), whether it is gone,
 * its live sessions with their current refresh-token generation (revoked and expired ones are
 * dropped), and the servers it is a member of (to end those memberships on deletion; told by the
 * server decider).
 */
record AccountState(
    @Nullable String email, boolean deleted, Map<UUID, Session> sessions, Set<UUID> servers) {

  static final AccountState NONE = new AccountState(null, false, Map.of(), Set.of());

  AccountState {
    sessions = Map.copyOf(sessions);
    servers = servers == null ? Set.of() : Set.copyOf(servers);
  }

  /** A session: the generation of its only valid refresh token, and when it ends. */
  record Session(int generation, Instant expiresAt) {}

  /** Whether the account exists and is not deleted. */
  boolean active() {
    return email != null && !deleted;
  }

  @Nullable Session session(SessionId id, Instant at) {
    var session = sessions.get(id.value());
    return session == null || !session.expiresAt().isAfter(at) ? null : session;
  }

  AccountState opened(String email) {
    return new AccountState(email, false, Map.of(), servers);
  }

  /** With {@code session} added or replaced, and every session expired by {@code now} dropped. */
  AccountState withSession(SessionId id, Session session, Instant now) {
    var next = new HashMap<>(sessions);
    next.values().removeIf(other -> !other.expiresAt().isAfter(now));
    next.put(id.value(), session);
    return new AccountState(email, deleted, next, servers);
  }

  AccountState withoutSession(SessionId id) {
    var next = new HashMap<>(sessions);
    next.remove(id.value());
    return new AccountState(email, deleted, next, servers);
  }

  AccountState withServer(UUID server, boolean member) {
    var next = new HashSet<>(servers);
    if (member) {
      next.add(server);
    } else {
      next.remove(server);
    }
    return new AccountState(email, deleted, sessions, next);
  }

  AccountState erased() {
    return new AccountState(email, true, Map.of(), Set.of());
  }
}
