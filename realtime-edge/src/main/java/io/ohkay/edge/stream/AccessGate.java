package io.ohkay.edge.stream;

import io.ohkay.edge.access.AccessSnapshot;
import io.ohkay.edge.kafka.FeedRecord;
import io.ohkay.schemas.access.AccessModel;
import io.ohkay.schemas.event.EventTypes;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * One server's permissions as the hub follows the feed: first loading (its events held, in order,
 * for the connections that wait on it), then live, evolved by every event of the server after the
 * snapshot it was loaded from. Not thread-safe: the hub's lock guards it.
 *
 * <p>A snapshot lines up with the feed when no event it lacks has gone by unheld: its seq is at
 * least the seq before the first held event (or the last seq seen when nothing is held) and at most
 * the last seq seen. Held events the snapshot already reflects are judged with it, as they cannot
 * be judged with anything earlier.
 */
final class AccessGate {

  /** Events held for one server while its permissions load; past this the load is given up. */
  static final int HELD_CAPACITY = 10_000;

  /** The event types that change permissions: only these are read as typed events. */
  static final Set<String> ACCESS_EVENTS =
      Set.of(
          EventTypes.SERVER_CREATED,
          EventTypes.ROLE_CREATED,
          EventTypes.ROLE_UPDATED,
          EventTypes.ROLE_DELETED,
          EventTypes.MEMBER_ROLE_ADDED,
          EventTypes.MEMBER_ROLE_REMOVED,
          EventTypes.MEMBER_LEFT,
          EventTypes.CHANNEL_OVERWRITE_SET,
          EventTypes.CHANNEL_OVERWRITE_REMOVED,
          EventTypes.CHANNEL_DELETED);

  /** An event held while loading, with the connections it was for at its place in the feed. */
  record Held(FeedRecord record, StreamEvent event, List<StreamSession> targets) {}

  /** The permissions just before and just after an event. */
  record Step(AccessModel before, AccessModel after) {}

  /** Where a snapshot stands against the feed. */
  enum Fit {
    /** Lines up: install it. */
    NOW,
    /** Ahead of the feed: install it when the feed reaches its seq. */
    LATER,
    /** Behind the feed: read again. */
    BEHIND
  }

  private final UUID server;
  private final ArrayDeque<Held> held = new ArrayDeque<>();
  private @Nullable AccessModel model;
  private long seq;
  private @Nullable AccessSnapshot ahead;
  private boolean loading;
  private long attempt;

  AccessGate(UUID server) {
    this.server = server;
  }

  /** A gate live from a server's first event on: its whole history is in the feed. */
  static AccessGate fromCreation(UUID server) {
    var gate = new AccessGate(server);
    gate.model = AccessModel.empty(server);
    return gate;
  }

  UUID server() {
    return server;
  }

  /** The permissions now; null while they are not known. */
  @Nullable AccessModel model() {
    return model;
  }

  /** Whether the permissions are known, so events are judged as they come. */
  boolean live() {
    return model != null;
  }

  boolean loading() {
    return loading;
  }

  /**
   * Whether {@code record} comes after events the live model never saw: it was installed from a
   * snapshot older than the feed (the edge started while the projector lagged, and had seen nothing
   * of the server to tell). Seqs are gap-free, so the gap shows; the permissions must then be read
   * again before anything of the server is judged.
   */
  boolean missed(FeedRecord record) {
    return model != null && record.seq() > seq + 1;
  }

  /** Forgets the model: the gate holds the server's events until a snapshot lines up again. */
  void forget() {
    model = null;
  }

  /** Starts a load; its number tells its answers from those of an earlier, abandoned one. */
  long startLoading() {
    loading = true;
    ahead = null;
    return ++attempt;
  }

  /** Whether load {@code number} is the one in progress. */
  boolean loading(long number) {
    return loading && attempt == number;
  }

  /**
   * Where {@code snapshot} stands, the feed having reached {@code lastSeq} (null: nothing seen).
   */
  Fit fit(AccessSnapshot snapshot, @Nullable Long lastSeq) {
    if (lastSeq == null) {
      return Fit.NOW;
    }
    var first = held.peekFirst();
    var floor = first == null ? lastSeq : first.record().seq() - 1;
    if (snapshot.seq() > lastSeq) {
      return Fit.LATER;
    }
    return snapshot.seq() >= floor ? Fit.NOW : Fit.BEHIND;
  }

  /** Keeps {@code snapshot} until the feed reaches its seq. */
  void awaitFeed(AccessSnapshot snapshot) {
    ahead = snapshot;
  }

  /** The snapshot awaited, once the feed reached it with an event of seq {@code reached}. */
  @Nullable AccessSnapshot reached(long reached) {
    var waiting = ahead;
    return waiting != null && reached >= waiting.seq() ? waiting : null;
  }

  /** Makes the gate live from {@code snapshot}; the held events are then the caller's to replay. */
  void install(AccessSnapshot snapshot) {
    model = snapshot.model();
    seq = snapshot.seq();
    ahead = null;
    loading = false;
  }

  /**
   * Whether events are held: once one is, every later event of the server is, so the held events
   * are a contiguous stretch of the feed that a snapshot can be evolved through.
   */
  boolean holding() {
    return !held.isEmpty();
  }

  /** Holds {@code event}; false when the gate holds too many already. */
  boolean hold(Held event) {
    if (held.size() >= HELD_CAPACITY) {
      return false;
    }
    held.addLast(event);
    return true;
  }

  /** The next held event, removed; null when none is left. */
  @Nullable Held nextHeld() {
    return held.pollFirst();
  }

  /**
   * The permissions around {@code record}, evolving the model by it unless the snapshot already
   * reflects it; {@link RuntimeException} when a permission event cannot be read.
   */
  Step step(FeedRecord record) {
    var before = model;
    if (before == null) {
      throw new IllegalStateException("permissions of " + server + " not loaded");
    }
    if (record.seq() <= seq) {
      return new Step(before, before);
    }
    seq = record.seq();
    if (ACCESS_EVENTS.contains(record.type())) {
      model = before.evolve(record.event().payload());
    }
    return new Step(before, model);
  }

  /**
   * Whether {@code user}, a member, may receive {@code record}: a channel's events only if they can
   * view it just before or just after the event, a read marker only if it is theirs, any other
   * server event always.
   */
  static boolean visible(FeedRecord record, Step step, UUID user) {
    return audience(record, step).test(user);
  }

  /**
   * {@link #visible} for many members: the record is read once (its type, its channel or user), not
   * once per member, and a step that changed no permission is asked once per member.
   */
  static Predicate<UUID> audience(FeedRecord record, Step step) {
    if (record.type().equals(EventTypes.CHANNEL_READ)) {
      var reader = record.payloadId("userId");
      return user -> user.equals(reader);
    }
    if (!record.payload().has("channelId")) {
      return user -> true;
    }
    var channel = record.payloadId("channelId");
    if (channel == null) {
      return user -> false;
    }
    var before = step.before();
    var after = step.after();
    if (before == after) {
      return user -> before.canView(user, channel);
    }
    return user -> before.canView(user, channel) || after.canView(user, channel);
  }
}
