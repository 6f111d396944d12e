package io.ohkay.edge.stream;

import io.ohkay.edge.kafka.FeedHistory;
import io.ohkay.edge.kafka.FeedListener;
import io.ohkay.edge.kafka.FeedPosition;
import io.ohkay.edge.kafka.FeedRecord;
import io.ohkay.edge.presence.UserPresence;
import io.ohkay.schemas.access.AccessModel;
import io.ohkay.schemas.event.EventTypes;
import io.ohkay.schemas.id.UserId;
import io.ohkay.schemas.signal.Typing;
import io.ohkay.schemas.token.AccessTokenClaims;
import io.ohkay.schemas.token.SessionRevocations;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Routes the feed to the connections: each server event goes to the connections of that server's
 * members (found through a {@link MembershipIndex}, so the cost is the server's connections, not
 * all of them). One lock orders dispatch, joins and (dis)connections, which makes a connection's
 * {@code ready} cursor exact: every event after it is delivered, none before.
 *
 * <p>Membership changes apply at their place in the feed ({@link MembershipEvents}): a user's
 * {@code member.joined.v1} adds the server to their connections first, so they receive it and
 * everything after; their {@code member.left.v1} (left, kicked, banned) is delivered to them too,
 * then the server is removed, so nothing after it reaches them.
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
 * left it. Loads run off the lock. The permissions are {@link AccessLoads}' to follow.
 *
 * <p>A mention ({@code members.mentioned.v1}) is followed, on the streams of each mentioned member
 * that receive it and on no other, by their {@code notification.created} ({@link
 * CreatedNotifications}) under the same cursor; an invite ({@code invite.sent.v1}) gives the
 * invitee's streams theirs, though the invitee is no member.
 *
 * <p>Direct-message events have no server: they bypass the permissions (never held, never dropped
 * for want of a gate) and reach the live streams of the users each event names, and no one else's
 * ({@link DirectEvents}); a message sent while its recipient was offline is followed on the
 * recipient's streams by its {@code notification.created}.
 *
 * <p>A user's first connection here makes them online, their last one's end offline ({@link
 * UserPresence}).
 *
 * <p>Account events are private: only {@link #STREAMED_ACCOUNT_EVENTS} reach streams (a profile
 * update, to the user and everyone sharing a server with them); a session revocation or an account
 * deletion ends the streams of that session or account with {@code revoked}; every other account
 * event (a registration carries a password hash, sessions and sign-in failures concern their owner
 * alone) only advances the cursor. {@link AccountEvents} applies them.
 *
 * <p>The hub owns the one lock: its parts ({@link AccessLoads}, {@link MembershipEvents}, {@link
 * AccountEvents}, {@link FeedPositions}) keep no lock of their own and take the hub's when called
 * from elsewhere.
 */
final class StreamHub implements FeedListener, SmartLifecycle {

  /** The account event types that are streamed; every other one never is. */
  static final Set<String> STREAMED_ACCOUNT_EVENTS = Set.of(EventTypes.PROFILE_UPDATED);

  /**
   * How long a connection resuming from ahead of this hub's feed waits for the feed to get there.
   */
  static final Duration FEED_WAIT = Duration.ofSeconds(5);

  private static final Logger log = LoggerFactory.getLogger(StreamHub.class);

  private final StreamTopics topics;
  private final int bufferSize;
  private final MembershipIndex<UUID, StreamSession> byServer = new MembershipIndex<>();
  private final MembershipIndex<UUID, StreamSession> byUser = new MembershipIndex<>();
  private final Set<StreamSession> sessions = new HashSet<>();
  private final RecentJoins recentJoins = new RecentJoins();
  private final Set<StreamSession> pending = new LinkedHashSet<>();
  private final Map<StreamSession, Long> feedWaits = new HashMap<>();
  private final FeedPositions positions;
  private final AccessLoads loads;
  private final CoMembers coMembers;
  private final AccountEvents accounts;
  private final MembershipEvents memberships;
  private final DirectEvents direct;
  private final UserPresence presence;
  private final RecentFeed recent;
  private final @Nullable FeedHistory history;
  private final Function<UserId, Flux<UUID>> serversOf;
  private final Function<UserId, Flux<UUID>> memberRowsOf;
  private boolean activationDue;

  /** Whether a feed record is being routed: its events are staged until the poll's end. */
  private boolean routing;

  /** The connections with staged events, flushed at the end of the feed's poll. */
  private final List<StreamSession> staged = new ArrayList<>();

  private volatile int connections;
  private volatile boolean running = true;

  /**
   * @param topics the events topics streamed
   * @param bufferSize events buffered per connection before it overflows
   * @param revocations the edge's revocations, updated before a revoked session's streams end so a
   *     reconnect with its token is refused
   * @param serversOf the servers a user is a member of (the registry), for profile updates
   * @param memberRowsOf the servers whose member rows name a user, deleted ones included (the
   *     registry), so a resume gives the deletion of a server the user was in
   * @param access how the permissions of a server are loaded
   * @param presence told when a user's first connection opens and their last one closes
   * @param recentRecords the records kept in memory for resumes; older positions are read back
   * @param history reads positions older than those from Kafka; null serves the memory alone
   */
  StreamHub(
      StreamTopics topics,
      int bufferSize,
      SessionRevocations revocations,
      Function<UserId, Flux<UUID>> serversOf,
      Function<UserId, Flux<UUID>> memberRowsOf,
      AccessLoading access,
      UserPresence presence,
      int recentRecords,
      @Nullable FeedHistory history) {
    this.topics = topics;
    this.recent = new RecentFeed(recentRecords);
    this.history = history;
    this.serversOf = serversOf;
    this.memberRowsOf = memberRowsOf;
    this.bufferSize = bufferSize;
    this.presence = presence;
    this.positions = new FeedPositions(topics);
    this.loads = new AccessLoads(this, access, positions, byServer, pending);
    this.coMembers = new CoMembers(byServer, byUser, recentJoins);
    this.accounts = new AccountEvents(this, revocations, serversOf, byUser, coMembers);
    this.memberships = new MembershipEvents(this, loads, byServer, byUser, pending, recentJoins);
    this.direct = new DirectEvents(this, byUser);
  }

  /**
   * A new connection with the token {@code claims}; joins it sees from now on are recorded before
   * it is live. A connection of a session or account revoked since its token was checked is ended
   * at once with {@code revoked}.
   */
  synchronized StreamSession open(AccessTokenClaims claims, @Nullable String resumeFrom) {
    var user = claims.userId();
    var session = new StreamSession(user, claims.sessionId(), bufferSize, resumeFrom);
    var revoked = accounts.revokedReason(user, claims.sessionId());
    if (revoked != null) {
      session.offer(StreamSession.revokedEvent(cursor().encode(), revoked));
      session.close();
      return session;
    }
    var now = System.nanoTime();
    session.servers().addAll(recentJoins.of(user.value(), now));
    session.left().addAll(recentJoins.leftOf(user.value(), now));
    session.servers().removeIf(memberships::deleted);
    if (!byUser.has(user.value())) {
      presence.online(user);
    }
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
          .filter(server -> !session.left().contains(server) && !memberships.deleted(server))
          .forEach(session.servers()::add);
      tryActivate(session);
    }
    loads.startLoads();
  }

  /** Forgets {@code session}; idempotent. */
  synchronized void close(StreamSession session) {
    if (!sessions.remove(session)) {
      return;
    }
    pending.remove(session);
    feedWaits.remove(session);
    for (var server : session.servers()) {
      byServer.remove(server, session);
      loads.dropIfUnused(server);
    }
    byUser.remove(session.user().value(), session);
    if (!byUser.has(session.user().value())) {
      presence.offline(session.user());
    }
    session.close();
    connections = sessions.size();
  }

  /** Open connections. */
  int connections() {
    return connections;
  }

  /** Every partition's position, as far as the feed has read. */
  synchronized StreamCursor cursor() {
    return positions.cursor();
  }

  @Override
  public synchronized void onCluster(String clusterId) {
    positions.cluster(clusterId);
  }

  @Override
  public synchronized void onAssigned(Collection<FeedPosition> assigned) {
    for (var position : assigned) {
      var key = positions.advance(position);
      if (key != null) {
        recent.assigned(key, position.nextOffset());
      }
    }
  }

  @Override
  public void onPassed(FeedPosition next) {
    synchronized (this) {
      positions.advance(next);
      if (!feedWaits.isEmpty()) {
        activationDue = true;
      }
      activatePendingIfDue();
    }
    loads.startLoads();
  }

  @Override
  public void onRecord(FeedRecord record) {
    synchronized (this) {
      routing = true;
      try {
        route(record);
      } finally {
        routing = false;
      }
      if (!feedWaits.isEmpty()) {
        activationDue = true;
      }
      activatePendingIfDue();
    }
    loads.startLoads();
  }

  /** {@link #flushStaged()}: the events of the poll's records. */
  @Override
  public void onPolled() {
    flushStaged();
  }

  /**
   * Hands each connection the events staged for it (a poll's records, a round of presence changes)
   * as one batch; the connections that staged the same events share one.
   */
  synchronized void flushStaged() {
    var shared = new HashMap<List<StreamEvent>, StreamBatch>();
    for (var session : staged) {
      if (!session.flush(shared)) {
        ended(session);
      }
    }
    staged.clear();
  }

  private void route(FeedRecord record) {
    var key = positions.advance(record.next());
    if (key == null) {
      return;
    }
    recent.add(key, record);
    if (record.topic().equals(topics.accounts())) {
      accounts.onAccountEvent(record);
      return;
    }
    if (record.topic().equals(topics.dms())) {
      direct.onDmEvent(key, record);
      return;
    }
    var server = record.aggregateId();
    loads.seen(server, record.seq());
    var event = FeedPositions.event(positions.cursor().encode(), record);
    switch (record.type()) {
      case EventTypes.SERVER_CREATED -> {
        loads.created(server);
        loads.dispatch(server, record, event);
      }
      case EventTypes.MEMBER_JOINED -> {
        memberships.join(record);
        loads.dispatch(server, record, event);
        loads.dropIfUnused(server);
      }
      case EventTypes.MEMBER_LEFT -> {
        loads.dispatch(server, record, event);
        memberships.leave(record);
      }
      case EventTypes.SERVER_DELETED -> {
        loads.dispatch(server, record, event);
        memberships.deleteServer(server);
      }
      case EventTypes.INVITE_SENT -> {
        loads.dispatch(server, record, event);
        direct.onInviteSent(record);
      }
      default -> loads.dispatch(server, record, event);
    }
  }

  /**
   * Gives {@code event} (a status change of {@code user}, no cursor) to the live connections of
   * everyone sharing one of {@code servers} (the registry's servers of the user) with them and of
   * their direct-message {@code partners}, not to the user's own; a connection whose buffer is half
   * full goes without ({@link StreamSession#stageEphemeral}). Staged: {@link #flushStaged()} hands
   * it over with the other changes looked up with it.
   */
  synchronized void presence(
      UserId user, Collection<UUID> servers, Collection<UUID> partners, StreamEvent event) {
    var targets = coMembers.of(user.value(), servers);
    partners.forEach(partner -> targets.addAll(byUser.membersOf(partner)));
    byUser.membersOf(user.value()).forEach(targets::remove);
    for (var session : targets) {
      var first = !session.hasStaged();
      if (session.active() && session.stageEphemeral(event) && first && session.hasStaged()) {
        staged.add(session);
      }
    }
  }

  /**
   * Gives {@code event} (a typing signal, no cursor) to the live connections that may see where it
   * is typed: in a channel, the server's members who can view the channel now; in a conversation,
   * the other participant. Never to the typist's own connections.
   */
  synchronized void typing(Typing typing, StreamEvent event) {
    var typist = typing.userId().value();
    var recipient = typing.recipientId();
    List<StreamSession> targets;
    if (recipient != null) {
      targets = byUser.membersOf(recipient.value());
    } else {
      var server = Objects.requireNonNull(typing.serverId()).value();
      var channel = Objects.requireNonNull(typing.channelId()).value();
      var model = loads.model(server);
      if (model == null) {
        return;
      }
      targets =
          byServer.membersOf(server).stream()
              .filter(session -> model.canView(session.user().value(), channel))
              .toList();
    }
    targets.stream()
        .filter(session -> session.active() && !session.user().value().equals(typist))
        .forEach(session -> session.offerEphemeral(event));
  }

  /** Offers {@code session} its last event, then forgets it; under the lock. */
  void end(StreamSession session, StreamEvent last) {
    session.offer(last);
    close(session);
  }

  /**
   * Offers {@code event} to {@code targets}, closing those that cannot take it; under the lock.
   * While a feed record is routed the event is staged, handed over with the rest of the poll's.
   */
  void offerAll(Collection<StreamSession> targets, StreamEvent event) {
    for (var session : targets) {
      if (routing ? stage(session, event) : session.offer(event)) {
        continue;
      }
      ended(session);
    }
  }

  private boolean stage(StreamSession session, StreamEvent event) {
    var first = !session.hasStaged();
    if (!session.stage(event)) {
      return false;
    }
    if (first) {
      staged.add(session);
    }
    return true;
  }

  /** Forgets {@code session}, which took no more events, if not yet done; under the lock. */
  private void ended(StreamSession session) {
    if (!sessions.contains(session)) {
      return;
    }
    if (session.isOverflowed()) {
      log.info("a stream of user {} fell {} events behind: overflow", session.user(), bufferSize);
    }
    close(session);
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
      waiting |= !loads.ensureLive(server);
    }
    if (waiting || awaitsFeed(session)) {
      pending.add(session);
      return;
    }
    pending.remove(session);
    feedWaits.remove(session);
    session.servers().forEach(server -> byServer.add(server, session));
    session.activate();
    var now = cursor();
    session.replay(replay(session, now));
    session.offer(StreamSession.cursorEvent(StreamSession.READY, now.encode()));
  }

  /**
   * Whether {@code session} resumes from a position this hub's feed has not reached yet (the client
   * comes from an edge that read further) and may still wait for it: the feed catches up within
   * moments, and only then can the cursor be served exactly. Past {@link #FEED_WAIT} the cursor is
   * judged as it is (an offset no partition reaches gets {@code resync}). Under the lock.
   */
  private boolean awaitsFeed(StreamSession session) {
    var token = session.resumeFrom();
    if (token == null || !Replay.ahead(token, cursor())) {
      return false;
    }
    var now = System.nanoTime();
    var since = feedWaits.putIfAbsent(session, now);
    if (since == null) {
      // A little past the wait, so the check then finds it over.
      Mono.delay(FEED_WAIT.plusMillis(100))
          .subscribe(
              tick -> {
                synchronized (this) {
                  tryActivate(session);
                }
                loads.startLoads();
              });
      return true;
    }
    return now - since < FEED_WAIT.toNanos();
  }

  /**
   * What {@code session} missed since the cursor it resumes from up to {@code now}, where it goes
   * live: from memory when the hub still holds it, else read back from Kafka; {@code resync} when
   * the cursor cannot be served. Nothing for a connection that does not resume.
   */
  private Flux<StreamEvent> replay(StreamSession session, StreamCursor now) {
    var token = session.resumeFrom();
    if (token == null) {
      return Flux.empty();
    }
    StreamCursor from;
    try {
      from = StreamCursor.decode(token);
    } catch (IllegalArgumentException e) {
      return Flux.just(Replay.resync(now.encode(), "CURSOR_UNKNOWN"));
    }
    var unservable = Replay.unservable(from, now);
    if (unservable != null) {
      return Flux.just(Replay.resync(now.encode(), unservable));
    }
    from = Replay.complete(from, now);
    var models = new HashMap<UUID, AccessModel>();
    for (var server : session.servers()) {
      var model = loads.model(server);
      if (model != null) {
        models.put(server, model);
      }
    }
    var viewer =
        new Replay.Viewer(
            session.user().value(), Set.copyOf(session.servers()), models, serversOf, memberRowsOf);
    if (recent.covers(from)) {
      return Replay.fromMemory(viewer, from, now, recent.after(from));
    }
    var reader = history;
    if (reader == null) {
      return Flux.just(Replay.resync(now.encode(), "CURSOR_EXPIRED"));
    }
    return Replay.fromKafka(viewer, from, now, reader, positions::topicOf);
  }

  /** Lets the pending connections be tried again before the lock is released; under the lock. */
  void activationDue() {
    activationDue = true;
  }

  /** Tries the pending connections again if something they wait on changed; under the lock. */
  void activatePendingIfDue() {
    if (activationDue) {
      activationDue = false;
      List.copyOf(pending).forEach(this::tryActivate);
    }
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
