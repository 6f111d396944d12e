package io.ohkay.edge.stream;

import io.ohkay.edge.access.AccessSnapshot;
import io.ohkay.edge.kafka.FeedListener;
import io.ohkay.edge.kafka.FeedPosition;
import io.ohkay.edge.kafka.FeedRecord;
import io.ohkay.schemas.event.EventTypes;
import io.ohkay.schemas.id.SessionId;
import io.ohkay.schemas.id.UserId;
import io.ohkay.schemas.token.AccessTokenClaims;
import io.ohkay.schemas.token.SessionRevocations;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.codec.ServerSentEvent;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

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
 * <p>Nobody receives an event of a channel they cannot view: the hub follows the permissions
 * ({@link AccessGate}) of every server with connections, loaded once from its database and evolved
 * by each of its events after that. An event whose payload names a channel reaches a member only if
 * they can view that channel just before or just after it; {@code channel.read.v1} reaches the
 * reader alone. A snapshot is installed only where it lines up with the feed: a new connection goes
 * live (and gets {@code ready}) once the permissions of all its servers are; a live join into a
 * server without permissions holds that server's events for the connection until they are, then
 * delivers them in order. A server whose permissions do not line up in time ends the connections
 * waiting on it with {@code unavailable} and a cursor to resume from, rather than guess. {@code
 * server.deleted.v1} reaches every member, then the server ends on their connections as if they had
 * left it. Loads run off the lock.
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

  /** Deleted servers remembered, so a registry read that predates a deletion is corrected. */
  static final int DELETED_MEMORY = 10_000;

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
  private final AccessLoading access;
  private final Map<UUID, AccessGate> gates = new HashMap<>();
  private final Map<UUID, Long> lastSeqs = new HashMap<>();
  private final Set<StreamSession> pending = new LinkedHashSet<>();
  private final Set<UUID> deleted = new HashSet<>();
  private final ArrayDeque<UUID> deletedOrder = new ArrayDeque<>();
  private final List<Runnable> loadsToStart = new ArrayList<>();
  private boolean activationDue;
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
   * @param access how the permissions of a server are loaded
   */
  StreamHub(
      String serverTopic,
      String accountTopic,
      int bufferSize,
      SessionRevocations revocations,
      Function<UserId, Flux<UUID>> serversOf,
      AccessLoading access) {
    this.serverTopic = serverTopic;
    this.accountTopic = accountTopic;
    this.topicCodes = Map.of(serverTopic, 's', accountTopic, 'a');
    this.bufferSize = bufferSize;
    this.revocations = revocations;
    this.profiles = new ProfileFanout(serversOf, this::deliverProfile);
    this.access = access;
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
    session.servers().removeIf(deleted::contains);
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
   * opened, minus those the feed saw it leave) and sends it {@code ready} with the cursor, once the
   * permissions of all of them are loaded.
   */
  void activate(StreamSession session, Collection<UUID> serverIds) {
    synchronized (this) {
      if (!sessions.contains(session)) {
        return;
      }
      serverIds.stream()
          .filter(server -> !session.left().contains(server) && !deleted.contains(server))
          .forEach(session.servers()::add);
      tryActivate(session);
    }
    startLoads();
  }

  /** Forgets {@code session}; idempotent. */
  synchronized void close(StreamSession session) {
    if (!sessions.remove(session)) {
      return;
    }
    pending.remove(session);
    for (var server : session.servers()) {
      byServer.remove(server, session);
      dropIfUnused(server);
    }
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
  public void onRecord(FeedRecord record) {
    synchronized (this) {
      route(record);
      activatePendingIfDue();
    }
    startLoads();
  }

  private void route(FeedRecord record) {
    var key = advance(record.next());
    if (key == null) {
      return;
    }
    if (record.topic().equals(accountTopic)) {
      onAccountEvent(key, record);
      return;
    }
    var server = record.aggregateId();
    lastSeqs.put(server, record.seq());
    var event = event(key, record);
    switch (record.type()) {
      case EventTypes.SERVER_CREATED -> {
        gates.putIfAbsent(server, AccessGate.fromCreation(server));
        dispatch(server, record, event);
      }
      case EventTypes.MEMBER_JOINED -> {
        join(record);
        dispatch(server, record, event);
        dropIfUnused(server);
      }
      case EventTypes.MEMBER_LEFT -> {
        dispatch(server, record, event);
        leave(record);
      }
      case EventTypes.SERVER_DELETED -> {
        dispatch(server, record, event);
        deleteServer(server);
      }
      default -> dispatch(server, record, event);
    }
  }

  /**
   * Delivers a server event to the members allowed to see it, or holds it for them while the
   * server's permissions load. A server without a gate has no connection.
   */
  private void dispatch(UUID server, FeedRecord record, ServerSentEvent<String> event) {
    var gate = gates.get(server);
    if (gate == null) {
      return;
    }
    if (gate.missed(record)) {
      log.info(
          "server {}: permissions older than the feed (seq {}), read again", server, record.seq());
      gate.forget();
      ensureLive(server);
    }
    if (!gate.live()) {
      var snapshot = gate.reached(record.seq());
      if (snapshot != null) {
        install(gate, snapshot);
      }
    }
    var targets = byServer.membersOf(server);
    if (gate.live()) {
      deliver(gate, record, event, targets);
      return;
    }
    if ((gate.holding() || !targets.isEmpty())
        && !gate.hold(new AccessGate.Held(record, event, targets))) {
      log.warn("server {}: too many events held while its permissions load", server);
      fail(gate);
    }
  }

  private void deliver(
      AccessGate gate,
      FeedRecord record,
      ServerSentEvent<String> event,
      List<StreamSession> targets) {
    AccessGate.Step step;
    try {
      step = gate.step(record);
    } catch (RuntimeException e) {
      log.error("server {}: unreadable {}, its streams end", gate.server(), record.type(), e);
      fail(gate);
      return;
    }
    offerAll(
        targets.stream()
            .filter(target -> AccessGate.visible(record, step, target.user().value()))
            .toList(),
        event);
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
    var streaming = false;
    for (var session : byUser.membersOf(user)) {
      session.left().remove(joined);
      if (session.servers().add(joined) && session.active()) {
        byServer.add(joined, session);
      }
      streaming |= session.active() || pending.contains(session);
    }
    if (streaming) {
      ensureLive(joined);
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
      activationDue |= pending.contains(session);
    }
    dropIfUnused(left);
  }

  /** Ends a deleted server on every connection, after its server.deleted was offered. */
  private void deleteServer(UUID server) {
    if (deleted.add(server)) {
      deletedOrder.addLast(server);
      if (deletedOrder.size() > DELETED_MEMORY) {
        deleted.remove(deletedOrder.removeFirst());
      }
    }
    var gate = gates.get(server);
    if (gate != null && !gate.live()) {
      fail(gate);
    }
    gates.remove(server);
    lastSeqs.remove(server);
    for (var session : byServer.membersOf(server)) {
      session.left().add(server);
      session.servers().remove(server);
      byServer.remove(server, session);
    }
    for (var session : pending) {
      if (session.servers().remove(server)) {
        session.left().add(server);
        activationDue = true;
      }
    }
  }

  /**
   * Activates {@code session} if the permissions of all its servers are live, sending {@code
   * ready}; otherwise loads the missing ones and keeps it pending. Called only between records, so
   * the {@code ready} cursor is exact.
   */
  private void tryActivate(StreamSession session) {
    if (!sessions.contains(session) || session.active()) {
      pending.remove(session);
      return;
    }
    var waiting = false;
    for (var server : session.servers()) {
      waiting |= !ensureLive(server);
    }
    if (waiting) {
      pending.add(session);
      return;
    }
    pending.remove(session);
    session.servers().forEach(server -> byServer.add(server, session));
    session.activate();
    session.offer(StreamSession.cursorEvent(StreamSession.READY, cursor().encode()));
  }

  private void activatePendingIfDue() {
    if (activationDue) {
      activationDue = false;
      List.copyOf(pending).forEach(this::tryActivate);
    }
  }

  /** Whether the permissions of {@code server} are live; starts loading them if not. */
  private boolean ensureLive(UUID server) {
    var gate = gates.computeIfAbsent(server, AccessGate::new);
    if (!gate.live() && !gate.loading()) {
      var attempt = gate.startLoading();
      loadsToStart.add(
          () -> {
            Mono.delay(access.timeout()).subscribe(tick -> timedOut(gate, attempt));
            read(gate, attempt);
          });
    }
    return gate.live();
  }

  /** Starts the loads asked for under the lock, now that it is released. */
  private void startLoads() {
    List<Runnable> starts;
    synchronized (this) {
      if (loadsToStart.isEmpty()) {
        return;
      }
      starts = List.copyOf(loadsToStart);
      loadsToStart.clear();
    }
    starts.forEach(Runnable::run);
  }

  private void read(AccessGate gate, long attempt) {
    synchronized (this) {
      if (!current(gate, attempt)) {
        return;
      }
    }
    Mono.defer(() -> access.loader().apply(gate.server()))
        .map(Optional::of)
        .defaultIfEmpty(Optional.empty())
        .subscribe(
            snapshot -> loaded(gate, attempt, snapshot.orElse(null)),
            error -> {
              log.debug("permissions of server {} not read: {}", gate.server(), error.toString());
              loaded(gate, attempt, null);
            });
  }

  /** Installs, awaits or reads again, as {@code snapshot} (null: none) stands against the feed. */
  private void loaded(AccessGate gate, long attempt, @Nullable AccessSnapshot snapshot) {
    var again = false;
    synchronized (this) {
      if (!current(gate, attempt)) {
        return;
      }
      var fit =
          snapshot == null
              ? AccessGate.Fit.BEHIND
              : gate.fit(snapshot, lastSeqs.get(gate.server()));
      switch (fit) {
        case NOW -> install(gate, requireSnapshot(snapshot));
        case LATER -> gate.awaitFeed(requireSnapshot(snapshot));
        case BEHIND -> again = true;
      }
      activatePendingIfDue();
    }
    if (again) {
      Mono.delay(access.retryDelay()).subscribe(tick -> read(gate, attempt));
    }
    startLoads();
  }

  private static AccessSnapshot requireSnapshot(@Nullable AccessSnapshot snapshot) {
    if (snapshot == null) {
      throw new IllegalStateException("no snapshot");
    }
    return snapshot;
  }

  private void timedOut(AccessGate gate, long attempt) {
    synchronized (this) {
      if (!current(gate, attempt)) {
        return;
      }
      log.warn(
          "permissions of server {} did not line up with the feed in {}: its waiting streams end",
          gate.server(),
          access.timeout());
      fail(gate);
      activatePendingIfDue();
    }
    startLoads();
  }

  private boolean current(AccessGate gate, long attempt) {
    return gates.get(gate.server()) == gate && gate.loading(attempt);
  }

  /** Makes {@code gate} live from {@code snapshot}, delivering what it held in feed order. */
  private void install(AccessGate gate, AccessSnapshot snapshot) {
    gate.install(snapshot);
    for (var held = gate.nextHeld();
        held != null && gates.get(gate.server()) == gate;
        held = gate.nextHeld()) {
      deliver(gate, held.record(), held.event(), held.targets());
    }
    activationDue = true;
    dropIfUnused(gate.server());
  }

  /**
   * Gives up {@code gate}: delivers none of what it held and ends the connections waiting on it
   * with {@code unavailable} and a cursor to resume from (their first undelivered event, else their
   * last one), rather than deliver what their permissions may not allow.
   */
  private void fail(AccessGate gate) {
    var server = gate.server();
    gates.remove(server);
    var cursors = new LinkedHashMap<StreamSession, String>();
    for (var held = gate.nextHeld(); held != null; held = gate.nextHeld()) {
      var before = cursorBefore(held.record());
      held.targets().forEach(target -> cursors.putIfAbsent(target, before));
    }
    for (var session : byServer.membersOf(server)) {
      cursors.putIfAbsent(session, lastCursorOf(session));
    }
    for (var session : pending) {
      if (session.servers().contains(server)) {
        cursors.putIfAbsent(session, lastCursorOf(session));
      }
    }
    cursors.forEach(
        (session, cursor) ->
            end(session, StreamSession.cursorEvent(StreamSession.UNAVAILABLE, cursor)));
  }

  private static String lastCursorOf(StreamSession session) {
    var last = session.lastCursor();
    return last == null ? "" : last;
  }

  private String cursorBefore(FeedRecord record) {
    var code = topicCodes.get(record.topic());
    return code == null
        ? ""
        : StreamCursor.of(new StreamCursor.Position(code, record.partition(), record.offset()))
            .encode();
  }

  /** Forgets the permissions of {@code server} once no connection streams or awaits it. */
  private void dropIfUnused(UUID server) {
    var gate = gates.get(server);
    if (gate == null || gate.holding() || byServer.has(server)) {
      return;
    }
    for (var session : pending) {
      if (session.servers().contains(server)) {
        return;
      }
    }
    gates.remove(server);
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
