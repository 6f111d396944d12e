package io.ohkay.edge.stream;

import io.ohkay.edge.kafka.FeedRecord;
import io.ohkay.schemas.event.EventTypes;
import io.ohkay.schemas.id.SessionId;
import io.ohkay.schemas.id.UserId;
import io.ohkay.schemas.token.SessionRevocations;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;

/**
 * The account events as the hub streams them: only {@link StreamHub#STREAMED_ACCOUNT_EVENTS} reach
 * streams (a profile update, to the user and everyone sharing a server with them); a session
 * revocation or an account deletion ends the streams of that session or account with {@code
 * revoked}; every other account event only advances the cursor. Called under the hub's lock; the
 * profile fan-out, which reads the registry off it, takes the lock to deliver.
 */
final class AccountEvents {

  private final StreamHub hub;
  private final SessionRevocations revocations;
  private final OrderedLookups<Update, List<UUID>> profiles;
  private final MembershipIndex<UUID, StreamSession> byUser;
  private final CoMembers coMembers;
  private final RecentRevocations recentRevocations = new RecentRevocations();

  /**
   * @param hub the hub whose lock guards the indexes, and which ends and feeds connections
   * @param revocations the edge's revocations, updated before a revoked session's streams end so a
   *     reconnect with its token is refused
   * @param serversOf the servers a user is a member of (the registry), for profile updates
   * @param byUser the hub's connections by user
   * @param coMembers the connections of whoever shares a server with a user
   */
  AccountEvents(
      StreamHub hub,
      SessionRevocations revocations,
      Function<UserId, Flux<UUID>> serversOf,
      MembershipIndex<UUID, StreamSession> byUser,
      CoMembers coMembers) {
    this.hub = hub;
    this.revocations = revocations;
    this.profiles =
        new OrderedLookups<>(
            "profile update",
            updates ->
                Flux.fromIterable(updates)
                    .concatMap(update -> serversOf.apply(update.user()).collectList())
                    .collectList(),
            List.of(),
            this::deliverProfile,
            () -> {});
    this.byUser = byUser;
    this.coMembers = coMembers;
  }

  /** A profile update to deliver: whose, and its record. */
  private record Update(UserId user, FeedRecord record) {
    @Override
    public String toString() {
      return "the profile update of " + user;
    }
  }

  /** Why the account or the session was revoked, or null when it was not (lately). */
  @Nullable String revokedReason(UserId user, SessionId session) {
    return recentRevocations.reasonFor(user.value(), session.value());
  }

  void onAccountEvent(FeedRecord record) {
    var user = record.payloadId("userId");
    if (user == null) {
      return;
    }
    switch (record.type()) {
      case EventTypes.SESSION_REVOKED -> revokeSession(record, user);
      case EventTypes.USER_DELETED -> deleteAccount(user);
      default -> {
        if (StreamHub.STREAMED_ACCOUNT_EVENTS.contains(record.type())) {
          profiles.submit(new Update(new UserId(user), record));
        }
      }
    }
  }

  private void revokeSession(FeedRecord record, UUID user) {
    var session = record.payloadId("sessionId");
    var reasonNode = record.payload().get("reason");
    if (session == null || reasonNode == null || !reasonNode.isString()) {
      return;
    }
    revocations.revoke(new SessionId(session), Instant.now());
    recentRevocations.record(session, reasonNode.stringValue());
    var revoked = StreamSession.revokedEvent(hub.cursor().encode(), reasonNode.stringValue());
    for (var stream : byUser.membersOf(user)) {
      if (stream.sessionId().value().equals(session)) {
        hub.end(stream, revoked);
      }
    }
  }

  private void deleteAccount(UUID user) {
    revocations.revoke(new UserId(user), Instant.now());
    recentRevocations.record(user, StreamSession.ACCOUNT_DELETED);
    var revoked = StreamSession.revokedEvent(hub.cursor().encode(), StreamSession.ACCOUNT_DELETED);
    byUser.membersOf(user).forEach(stream -> hub.end(stream, revoked));
  }

  /**
   * Delivers a profile update to the live connections of the user and of everyone sharing a server
   * with them ({@link CoMembers}, from the registry's servers of the user).
   */
  private void deliverProfile(Update update, List<UUID> servers) {
    synchronized (hub) {
      var targets = coMembers.of(update.user().value(), servers);
      // Delivered after a registry read, so later records may have been given meanwhile: the
      // update goes under the feed's cursor now, never one older than what the client holds.
      var event = FeedPositions.event(hub.cursor().encode(), update.record());
      hub.offerAll(targets.stream().filter(StreamSession::active).toList(), event);
    }
  }
}
