package io.ohkay.edge.stream;

import io.ohkay.edge.kafka.FeedListener;
import io.ohkay.edge.kafka.FeedPosition;
import io.ohkay.edge.kafka.FeedRecord;
import io.ohkay.schemas.event.EventTypes;
import io.ohkay.schemas.id.SessionId;
import io.ohkay.schemas.id.UserId;
import io.ohkay.schemas.token.AccessTokenClaims;
import io.ohkay.schemas.token.SessionRevocations;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.codec.ServerSentEvent;
import reactor.core.publisher.Flux;

/**
 * Routes the feed to the connections: each server event goes to the connections of that server's
 * members (found through a {@link MembershipIndex}, so the cost is the server's connections, not
 * all of them). One lock orders dispatch, joins and (dis)connections, which makes a connection's
 * {@code ready} cursor exact: every event after it is delivered, none before.
 *
 * <p>Membership changes apply at their place in the feed: a user's {@code member.joined.v1} adds
 * the server to their connections first, so they receive it and everything after; their {@code
 * member.left.v1} (left, kicked, banned) is delivered to them too, then the server is removed, so
 * nothing after it reaches them.
 *
 * <p>Account events are private: only {@link #STREAMED_ACCOUNT_EVENTS} reach streams (a profile
 * update, to the user and everyone sharing a server with them); a session revocation or an account
 * deletion ends the streams of that session or account with {@code revoked}; every other account
 * event (a registration carries a password hash, sessions and sign-in failures concern their owner
 * alone) only advances the cursor.
 */
final class StreamHub implements FeedListener, SmartLifecycle {

  /** The account event types that are streamed; every other one never is. */
  static final Set<String> STREAMED_ACCOUNT_EVENTS = Set.of(EventTypes.PROFILE_UPDATED);

  private static final Logger log = LoggerFactory.getLogger(StreamHub.class);

  private final String serverTopic;
  private final String accountTopic;
  private final Map<String, Character> topicCodes;
  private final int bufferSize;
  private final SessionRevocations revocations;
  private final ProfileFanout profiles;
  private final MembershipIndex<UUID, StreamSession> byServer = new MembershipIndex<>();
  private final MembershipIndex<UUID, StreamSession> byUser = new MembershipIndex<>();
  private final Map<PartitionKey, Long> positions = new HashMap<>();
  private final Set<StreamSession> sessions = new HashSet<>();
  private final RecentJoins recentJoins = new RecentJoins();
  private final RecentRevocations recentRevocations = new RecentRevocations();
  private volatile int connections;
  private volatile boolean running = true;

  private record PartitionKey(char topic, int partition) {}

  /**
   * @param serverTopic the server events topic, whose events are streamed to members
   * @param accountTopic the account events topic: profile updates, revocations
   * @param bufferSize events buffered per connection before it overflows
   * @param revocations the edge's revocations, updated before a revoked session's streams end so a
   *     reconnect with its token is refused
   * @param serversOf the servers a user is a member of (the registry), for profile updates
   */
  StreamHub(
      String serverTopic,
      String accountTopic,
      int bufferSize,
      SessionRevocations revocations,
      Function<UserId, Flux<UUID>> serversOf) {
    this.serverTopic = serverTopic;
    this.accountTopic = accountTopic;
    this.topicCodes = Map.of(serverTopic, 's', accountTopic, 'a');
    this.bufferSize = bufferSize;
    this.revocations = revocations;
    this.profiles = new ProfileFanout(serversOf, this::deliverProfile);
  }

  /**
   * A new connection with the token {@code claims}; joins it sees from now on are recorded before
   * it is live. A connection of a session or account revoked since its token was checked is ended
   * at once with {@code revoked}.
   */
  synchronized StreamSession open(AccessTokenClaims claims) {
    var user = claims.userId();
    var session = new StreamSession(user, claims.sessionId(), bufferSize);
    var revoked = recentRevocations.reasonFor(user.value(), claims.sessionId().value());
    if (revoked != null) {
      session.offer(StreamSession.revokedEvent(cursor().encode(), revoked));
      session.close();
      return session;
    }
    var now = System.nanoTime();
    session.servers().addAll(recentJoins.of(user.value(), now));
    session.left().addAll(recentJoins.leftOf(user.value(), now));
    byUser.add(user.value(), session);
    sessions.add(session);
    connections = sessions.size();
    if (!running) {
      session.close();
    }
    return session;
  }

  /**
   * Makes {@code session} live on its servers (the registry's {@code serverIds}, read after it
   * opened, minus those the feed saw it leave) and sends it {@code ready} with the cursor.
   */
  synchronized void activate(StreamSession session, Collection<UUID> serverIds) {
    if (!sessions.contains(session)) {
      return;
    }
    serverIds.stream()
        .filter(server -> !session.left().contains(server))
        .forEach(session.servers()::add);
    session.servers().forEach(server -> byServer.add(server, session));
    session.activate();
    session.offer(StreamSession.cursorEvent(StreamSession.READY, cursor().encode()));
  }

  /** Forgets {@code session}; idempotent. */
  synchronized void close(StreamSession session) {
    if (!sessions.remove(session)) {
      return;
    }
    session.servers().forEach(server -> byServer.remove(server, session));
    byUser.remove(session.user().value(), session);
    session.close();
    connections = sessions.size();
  }

  /** Open connections. */
  int connections() {
    return connections;
  }

  /** Every partition's position, as far as the feed has read. */
  synchronized StreamCursor cursor() {
    var all = new ArrayList<StreamCursor.Position>();
    positions.forEach((key, offset) -> all.add(position(key, offset)));
    return new StreamCursor(all);
  }

  @Override
  public synchronized void onAssigned(Collection<FeedPosition> assigned) {
    assigned.forEach(this::advance);
  }

  @Override
  public synchronized void onUnreadable(FeedPosition next) {
    advance(next);
  }

  @Override
  public synchronized void onRecord(FeedRecord record) {
    var key = advance(record.next());
    if (key == null) {
      return;
    }
    if (record.topic().equals(accountTopic)) {
      onAccountEvent(key, record);
      return;
    }
    switch (record.type()) {
      case EventTypes.MEMBER_JOINED -> {
        join(record);
        offerAll(byServer.membersOf(record.aggregateId()), event(key, record));
      }
      case EventTypes.MEMBER_LEFT -> {
        offerAll(byServer.membersOf(record.aggregateId()), event(key, record));
        leave(record);
      }
      default -> offerAll(byServer.membersOf(record.aggregateId()), event(key, record));
    }
  }

  private void onAccountEvent(PartitionKey key, FeedRecord record) {
    var user = record.payloadId("userId");
    if (user == null) {
      return;
    }
    switch (record.type()) {
      case EventTypes.SESSION_REVOKED -> revokeSession(key, record, user);
      case EventTypes.USER_DELETED -> deleteAccount(key, record, user);
      default -> {
        if (STREAMED_ACCOUNT_EVENTS.contains(record.type())) {
          profiles.submit(new ProfileFanout.Update(new UserId(user), event(key, record)));
        }
      }
    }
  }

  private void revokeSession(PartitionKey key, FeedRecord record, UUID user) {
    var session = record.payloadId("sessionId");
    var reasonNode = record.payload().get("reason");
    if (session == null || reasonNode == null || !reasonNode.isString()) {
      return;
    }
    revocations.revoke(new SessionId(session), Instant.now());
    recentRevocations.record(session, reasonNode.stringValue());
    var revoked = StreamSession.revokedEvent(cursorAfter(key, record), reasonNode.stringValue());
    for (var stream : byUser.membersOf(user)) {
      if (stream.sessionId().value().equals(session)) {
        end(stream, revoked);
      }
    }
  }

  private void deleteAccount(PartitionKey key, FeedRecord record, UUID user) {
    revocations.revoke(new UserId(user), Instant.now());
    recentRevocations.record(user, StreamSession.ACCOUNT_DELETED);
    var revoked =
        StreamSession.revokedEvent(cursorAfter(key, record), StreamSession.ACCOUNT_DELETED);
    byUser.membersOf(user).forEach(stream -> end(stream, revoked));
  }

  private void end(StreamSession session, ServerSentEvent<String> last) {
    session.offer(last);
    close(session);
  }

  /**
   * Delivers a profile update to the live connections of the user and of everyone sharing a server
   * with them: the registry's servers of the user, minus the leaves and plus the joins seen lately,
   * plus the servers of the user's own connections (which the registry may not have caught up
   * with).
   */
  private synchronized void deliverProfile(ProfileFanout.Update update, Collection<UUID> servers) {
    var user = update.user().value();
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
    offerAll(targets.stream().filter(StreamSession::active).toList(), update.event());
  }

  private static ServerSentEvent<String> event(PartitionKey key, FeedRecord record) {
    return ServerSentEvent.<String>builder()
        .id(cursorAfter(key, record))
        .event(record.type())
        .data(record.json())
        .build();
  }

  private static String cursorAfter(PartitionKey key, FeedRecord record) {
    return StreamCursor.of(position(key, record.offset() + 1)).encode();
  }

  private void offerAll(Collection<StreamSession> targets, ServerSentEvent<String> event) {
    for (var session : targets) {
      if (session.offer(event)) {
        continue;
      }
      if (session.isOverflowed()) {
        log.info("a stream of user {} fell {} events behind: overflow", session.user(), bufferSize);
      }
      close(session);
    }
  }

  private void join(FeedRecord record) {
    var user = record.payloadId("userId");
    var server = record.payloadId("serverId");
    if (user == null) {
      return;
    }
    var joined = server == null ? record.aggregateId() : server;
    recentJoins.record(user, joined, System.nanoTime());
    for (var session : byUser.membersOf(user)) {
      session.left().remove(joined);
      if (session.servers().add(joined) && session.active()) {
        byServer.add(joined, session);
      }
    }
  }

  /** Ends the server's events for the user's connections, after its member.left was offered. */
  private void leave(FeedRecord record) {
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
    }
  }

  private @Nullable PartitionKey advance(FeedPosition next) {
    var code = topicCodes.get(next.topic());
    if (code == null) {
      return null;
    }
    var key = new PartitionKey(code, next.partition());
    positions.put(key, next.nextOffset());
    return key;
  }

  private static StreamCursor.Position position(PartitionKey key, long nextOffset) {
    return new StreamCursor.Position(key.topic(), key.partition(), nextOffset);
  }

  @Override
  public synchronized void start() {
    running = true;
  }

  /** Ends every connection (clients reconnect elsewhere) so shutdown does not wait for them. */
  @Override
  public synchronized void stop() {
    running = false;
    for (var session : List.copyOf(sessions)) {
      close(session);
    }
  }

  @Override
  public boolean isRunning() {
    return running;
  }
}
