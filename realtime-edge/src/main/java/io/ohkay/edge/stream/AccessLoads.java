package io.ohkay.edge.stream;

import io.ohkay.edge.access.AccessSnapshot;
import io.ohkay.edge.kafka.FeedRecord;
import io.ohkay.schemas.access.AccessModel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * The permissions ({@link AccessGate}) of every server with connections, and the server events
 * dispatched through them: loaded once from the server's database, installed only where the
 * snapshot lines up with the feed, evolved by each event after that. Everything but the loads runs
 * under the hub's lock; a load asked for under it is started by {@link #startLoads()} once the lock
 * is released, and its answers take the lock again.
 */
final class AccessLoads {

  private static final Logger log = LoggerFactory.getLogger(AccessLoads.class);

  private final StreamHub hub;
  private final AccessLoading access;
  private final FeedPositions positions;
  private final MembershipIndex<UUID, StreamSession> byServer;
  private final Set<StreamSession> pending;
  private final Map<UUID, AccessGate> gates = new HashMap<>();
  private final Map<UUID, Long> lastSeqs = new HashMap<>();
  private final List<Runnable> loadsToStart = new ArrayList<>();

  /**
   * @param hub the hub whose lock guards the gates, and which ends and feeds connections
   * @param access how the permissions of a server are loaded
   * @param positions the feed's positions, for the cursors of connections ended while waiting
   * @param byServer the hub's live connections by server
   * @param pending the hub's connections waiting for their servers' permissions
   */
  AccessLoads(
      StreamHub hub,
      AccessLoading access,
      FeedPositions positions,
      MembershipIndex<UUID, StreamSession> byServer,
      Set<StreamSession> pending) {
    this.hub = hub;
    this.access = access;
    this.positions = positions;
    this.byServer = byServer;
    this.pending = pending;
  }

  /** The permissions of {@code server} as the feed has them now; null when not followed. */
  @Nullable AccessModel model(UUID server) {
    var gate = gates.get(server);
    return gate == null ? null : gate.model();
  }

  /** Notes that the feed reached {@code seq} of {@code server}. */
  void seen(UUID server, long seq) {
    lastSeqs.put(server, seq);
  }

  /** Follows a server created now: its whole history is in the feed. */
  void created(UUID server) {
    gates.putIfAbsent(server, AccessGate.fromCreation(server));
  }

  /** Gives up a deleted server's permissions, failing the connections still waiting on them. */
  void deleted(UUID server) {
    var gate = gates.get(server);
    if (gate != null && !gate.live()) {
      fail(gate);
    }
    gates.remove(server);
    lastSeqs.remove(server);
  }

  /**
   * Delivers a server event to the members allowed to see it, or holds it for them while the
   * server's permissions load. A server without a gate has no connection.
   */
  void dispatch(UUID server, FeedRecord record, StreamEvent event) {
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
      AccessGate gate, FeedRecord record, StreamEvent event, List<StreamSession> targets) {
    AccessGate.Step step;
    try {
      step = gate.step(record);
    } catch (RuntimeException e) {
      log.error("server {}: unreadable {}, its streams end", gate.server(), record.type(), e);
      fail(gate);
      return;
    }
    var audience = AccessGate.audience(record, step);
    var visible = targets.stream().filter(target -> audience.test(target.user().value())).toList();
    var created = CreatedNotifications.mentions(record);
    if (created.isEmpty()) {
      hub.offerAll(visible, event);
      return;
    }
    hub.offerAll(
        visible.stream().filter(target -> !created.containsKey(target.user().value())).toList(),
        event);
    announceMentions(record, event, visible, created);
  }

  /**
   * Gives each mentioned member's streams that may see the mention (theirs only) the mention and
   * its {@code notification.created}: the mention under the cursor "at this record, one item
   * given", the notification under the mention's own, so a resume between the two loses neither.
   */
  private void announceMentions(
      FeedRecord record,
      StreamEvent event,
      List<StreamSession> visible,
      Map<UUID, String> created) {
    var cursor = event.id();
    var key = positions.partitionOf(record.topic(), record.partition());
    if (cursor == null || key == null) {
      return;
    }
    var first = StreamCursor.decode(cursor).within(key, record.offset(), 1).encode();
    for (var session : visible) {
      var notification = created.get(session.user().value());
      if (notification != null) {
        hub.offerAll(List.of(session), FeedPositions.event(first, record));
        hub.offerAll(List.of(session), CreatedNotifications.event(cursor, notification));
      }
    }
  }

  /** Whether the permissions of {@code server} are live; starts loading them if not. */
  boolean ensureLive(UUID server) {
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
  void startLoads() {
    List<Runnable> starts;
    synchronized (hub) {
      if (loadsToStart.isEmpty()) {
        return;
      }
      starts = List.copyOf(loadsToStart);
      loadsToStart.clear();
    }
    starts.forEach(Runnable::run);
  }

  private void read(AccessGate gate, long attempt) {
    synchronized (hub) {
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
    synchronized (hub) {
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
      hub.activatePendingIfDue();
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
    synchronized (hub) {
      if (!current(gate, attempt)) {
        return;
      }
      log.warn(
          "permissions of server {} did not line up with the feed in {}: its waiting streams end",
          gate.server(),
          access.timeout());
      fail(gate);
      hub.activatePendingIfDue();
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
    hub.activationDue();
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
      var before = positions.cursorBefore(held.record());
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
            hub.end(session, StreamSession.cursorEvent(StreamSession.UNAVAILABLE, cursor)));
  }

  private static String lastCursorOf(StreamSession session) {
    var last = session.lastCursor();
    return last == null ? "" : last;
  }

  /** Forgets the permissions of {@code server} once no connection streams or awaits it. */
  void dropIfUnused(UUID server) {
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
}
