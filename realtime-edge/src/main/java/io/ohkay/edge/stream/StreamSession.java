package io.ohkay.edge.stream;

import io.ohkay.schemas.id.SessionId;
import io.ohkay.schemas.id.UserId;
import io.ohkay.schemas.json.Json;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * One client connection, opened with the access token of one session: the servers it may see and a
 * bounded buffer of events not yet written. A client that lets the buffer fill is not waited for:
 * it is ended with {@code event: overflow} carrying the cursor of the last event it was given, from
 * which it can resume. Emissions are serialized by the hub's lock; the rest is read by the
 * connection's own reactor thread.
 */
final class StreamSession {

  static final String READY = "ready";
  static final String OVERFLOW = "overflow";
  static final String REVOKED = "revoked";

  /**
   * The last event of a connection whose servers' permissions could not be loaded in time; its
   * cursor is where to resume from.
   */
  static final String UNAVAILABLE = "unavailable";

  /** The {@code revoked} reason of a deleted account (sessions name their own). */
  static final String ACCOUNT_DELETED = "ACCOUNT_DELETED";

  private final UserId user;
  private final SessionId sessionId;
  private final Sinks.Many<StreamEvent> sink;
  private final ArrayBlockingQueue<StreamEvent> buffer;
  private final Sinks.One<Flux<StreamEvent>> replay = Sinks.one();
  private final @Nullable String resumeFrom;
  private final Set<UUID> servers = new HashSet<>();
  private final Set<UUID> left = new HashSet<>();
  private boolean active;
  private boolean closed;
  private volatile @Nullable String lastCursor;
  private volatile boolean overflowed;

  /**
   * @param resumeFrom the cursor the client resumes from, or null for a new stream
   */
  StreamSession(UserId user, SessionId sessionId, int bufferSize, @Nullable String resumeFrom) {
    this.user = user;
    this.sessionId = sessionId;
    this.resumeFrom = resumeFrom;
    this.lastCursor = resumeFrom;
    this.buffer = new ArrayBlockingQueue<>(bufferSize);
    this.sink = Sinks.many().unicast().onBackpressureBuffer(buffer);
  }

  UserId user() {
    return user;
  }

  /** The session of the token the connection was opened with. */
  SessionId sessionId() {
    return sessionId;
  }

  /** The cursor the client resumes from; null for a new stream. */
  @Nullable String resumeFrom() {
    return resumeFrom;
  }

  /** What the client missed, to give it before anything buffered; set once, when it goes live. */
  void replay(Flux<StreamEvent> missed) {
    replay.tryEmitValue(missed);
  }

  /** The servers this connection streams (guarded by the hub). */
  Set<UUID> servers() {
    return servers;
  }

  /**
   * The servers the user left since the connection opened (or lately before): the registry's
   * membership read at activation may predate the leave, so these are not taken from it (guarded by
   * the hub).
   */
  Set<UUID> left() {
    return left;
  }

  boolean active() {
    return active;
  }

  void activate() {
    active = true;
  }

  /** Marks the session closed; false if it was already. */
  boolean close() {
    if (closed) {
      return false;
    }
    closed = true;
    sink.tryEmitComplete();
    replay.tryEmitValue(Flux.empty());
    return true;
  }

  /** The cursor of the last event given to the connection; null before any. */
  @Nullable String lastCursor() {
    return lastCursor;
  }

  boolean isOverflowed() {
    return overflowed;
  }

  /**
   * Buffers an ephemeral {@code event} (presence, typing: no cursor, nothing to resume) while the
   * buffer is less than half full, else drops it: they never fill a buffer or end a connection, so
   * a storm of them (a thousand members of a server coming online) cannot crowd out the events.
   */
  void offerEphemeral(StreamEvent event) {
    if (!closed && !overflowed && buffer.size() < buffer.remainingCapacity()) {
      sink.tryEmitNext(event);
    }
  }

  /** Buffers {@code event}; false when the session is over (overflowed, cancelled or closed). */
  boolean offer(StreamEvent event) {
    if (closed || overflowed) {
      return false;
    }
    var result = sink.tryEmitNext(event);
    if (result.isSuccess()) {
      // Ephemeral events have no id and leave the cursor where it is.
      if (event.id() != null) {
        lastCursor = event.id();
      }
      return true;
    }
    // A full buffer reads FAIL_ZERO_SUBSCRIBER before the connection subscribed: overflow too.
    if (result == Sinks.EmitResult.FAIL_OVERFLOW
        || result == Sinks.EmitResult.FAIL_ZERO_SUBSCRIBER) {
      overflowed = true;
      sink.tryEmitComplete();
      replay.tryEmitValue(Flux.empty());
    }
    return false;
  }

  /**
   * What the client receives: what it missed (when it resumes), the buffered events, then {@code
   * overflow} if it fell behind. Live events buffer while the missed ones are given.
   */
  Flux<StreamEvent> events() {
    return replay
        .asMono()
        .flatMapMany(missed -> missed)
        .concatWith(sink.asFlux())
        .concatWith(Mono.fromCallable(this::overflowEvent));
  }

  private @Nullable StreamEvent overflowEvent() {
    if (!overflowed) {
      return null;
    }
    return cursorEvent(OVERFLOW, lastCursor == null ? "" : lastCursor);
  }

  /** The last event of a connection whose session or account was revoked. */
  static StreamEvent revokedEvent(String cursor, String reason) {
    return new StreamEvent(
        cursor, REVOKED, Json.mapper().writeValueAsString(Map.of("reason", reason)));
  }

  /** An event whose id and data both name {@code cursor}. */
  static StreamEvent cursorEvent(String name, String cursor) {
    return new StreamEvent(
        cursor, name, Json.mapper().writeValueAsString(Map.of("cursor", cursor)));
  }
}
