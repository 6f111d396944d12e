package io.ohkay.edge.stream;

import io.ohkay.schemas.id.SessionId;
import io.ohkay.schemas.id.UserId;
import io.ohkay.schemas.json.Json;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
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
 *
 * <p>Events travel in batches: the feed's records of one poll are {@linkplain #stage staged} and
 * handed over together ({@link #flush}), so a connection writes them as one chunk with one system
 * call, not one per event; any other event flushes what is staged first, so the order stays the
 * feed's. The buffer bound counts events, not batches.
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

  /** The most events a batch holds. */
  static final int MAX_BATCH = 64;

  private final UserId user;
  private final SessionId sessionId;
  private final Sinks.Many<StreamBatch> sink;
  private final int bufferSize;

  /**
   * The most events staged before they are handed over: a quarter of the buffer at most, so a poll
   * with many records for one connection does not overflow a connection that reads.
   */
  private final int batchSize;

  /** Events handed over and not yet taken by the connection; the bound is on these. */
  private final AtomicInteger buffered = new AtomicInteger();

  /** Events staged for the next {@link #flush}, in order (guarded by the hub). */
  private List<StreamEvent> staged = new ArrayList<>();

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
    this.bufferSize = bufferSize;
    this.batchSize = Math.clamp(bufferSize / 4, 1, MAX_BATCH);
    // Every batch holds at least one event, so as many batches as events always fit.
    this.sink = Sinks.many().unicast().onBackpressureBuffer(new ArrayBlockingQueue<>(bufferSize));
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

  /** Hands over what is staged, then marks the session closed; false if it was already. */
  boolean close() {
    if (closed) {
      return false;
    }
    flush();
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
    if (flush() && 2 * buffered.get() < bufferSize) {
      handOver(StreamBatch.of(event));
    }
  }

  /**
   * Stages an ephemeral {@code event} for the next {@link #flush} while the buffer, with what is
   * staged, is less than half full, else drops it (as {@link #offerEphemeral}); false when the
   * session is over (overflowed, cancelled or closed).
   */
  boolean stageEphemeral(StreamEvent event) {
    if (staged.size() >= batchSize && !flush()) {
      return false;
    }
    if (closed || overflowed) {
      return false;
    }
    if (2 * (buffered.get() + staged.size()) < bufferSize) {
      staged.add(event);
    }
    return true;
  }

  /** Buffers {@code event}; false when the session is over (overflowed, cancelled or closed). */
  boolean offer(StreamEvent event) {
    return stage(event) && flush();
  }

  /**
   * Adds {@code event} to what the next {@link #flush} hands over (handing over what is staged
   * first when the batch is full); false when the session is over (overflowed, cancelled or
   * closed), or overflows now: staged events count against the buffer.
   */
  boolean stage(StreamEvent event) {
    if (staged.size() >= batchSize && !flush()) {
      return false;
    }
    if (closed || overflowed) {
      return false;
    }
    if (buffered.get() + staged.size() >= bufferSize) {
      overflow();
      return false;
    }
    staged.add(event);
    return true;
  }

  /** Whether events are staged, waiting for {@link #flush}. */
  boolean hasStaged() {
    return !staged.isEmpty();
  }

  /**
   * Hands the staged events over to the connection as one batch; false when the session is over
   * (overflowed, cancelled or closed).
   */
  boolean flush() {
    return flush(null);
  }

  /**
   * {@link #flush()}, handing over the batch of {@code shared} that holds the same events if there
   * is one, else adding this connection's batch to it: the connections given the same events (a
   * busy channel's poll) share one batch, so one encoding of it (guarded by the hub).
   *
   * @param shared the batches handed over so far in this poll, each under itself; null to share
   *     none
   */
  boolean flush(@Nullable Map<List<StreamEvent>, StreamBatch> shared) {
    if (closed || overflowed) {
      return false;
    }
    if (staged.isEmpty()) {
      return true;
    }
    var batch = shared == null ? null : shared.get(staged);
    if (batch == null) {
      batch = new StreamBatch(staged);
      staged = new ArrayList<>();
      if (shared != null) {
        shared.put(batch, batch);
      }
    } else {
      batch.share();
      staged.clear();
    }
    if (!handOver(batch)) {
      return false;
    }
    // Ephemeral events have no id and leave the cursor where it is.
    for (int i = batch.size() - 1; i >= 0; i--) {
      var id = batch.get(i).id();
      if (id != null) {
        lastCursor = id;
        break;
      }
    }
    return true;
  }

  private boolean handOver(StreamBatch batch) {
    if (buffered.get() + batch.size() > bufferSize) {
      overflow();
      return false;
    }
    buffered.addAndGet(batch.size());
    var result = sink.tryEmitNext(batch);
    if (result.isSuccess()) {
      return true;
    }
    buffered.addAndGet(-batch.size());
    // The queue holds as many batches as the buffer holds events, so it never fills while the
    // count is right; were it full all the same, the client overflows rather than miss a batch.
    if (result == Sinks.EmitResult.FAIL_OVERFLOW
        || result == Sinks.EmitResult.FAIL_ZERO_SUBSCRIBER) {
      overflow();
    }
    return false;
  }

  private void overflow() {
    overflowed = true;
    staged = new ArrayList<>();
    sink.tryEmitComplete();
    replay.tryEmitValue(Flux.empty());
  }

  /**
   * What the client receives: what it missed (when it resumes), the buffered events, then {@code
   * overflow} if it fell behind. Live events buffer while the missed ones are given.
   */
  Flux<StreamEvent> events() {
    return batches().flatMapIterable(batch -> batch);
  }

  /**
   * {@link #events()} as the connection writes them: the missed ones one by one, then each batch
   * handed over.
   */
  Flux<StreamBatch> batches() {
    return replay
        .asMono()
        .flatMapMany(missed -> missed.map(StreamBatch::of))
        .concatWith(sink.asFlux().doOnNext(batch -> buffered.addAndGet(-batch.size())))
        .concatWith(Mono.fromCallable(this::overflowEvent));
  }

  private @Nullable StreamBatch overflowEvent() {
    if (!overflowed) {
      return null;
    }
    return StreamBatch.of(cursorEvent(OVERFLOW, lastCursor == null ? "" : lastCursor));
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
