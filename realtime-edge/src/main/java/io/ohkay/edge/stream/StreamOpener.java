package io.ohkay.edge.stream;

import io.ohkay.edge.server.ServerDirectory;
import io.ohkay.schemas.token.AccessTokenClaims;
import java.time.Duration;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

/**
 * Opens a client's stream on the hub, whatever carries it (SSE or WebSocket): the connection is
 * registered, its servers read from the registry, then it goes live ({@code ready} after what it
 * missed); the end of the flux (the client gone, the stream over) forgets it.
 */
final class StreamOpener {

  private final ServerDirectory directory;
  private final StreamHub hub;

  StreamOpener(ServerDirectory directory, StreamHub hub) {
    this.directory = directory;
    this.hub = hub;
  }

  /** Whether new streams are taken (not while the edge shuts down). */
  boolean isRunning() {
    return hub.isRunning();
  }

  /** The events of a new connection with {@code claims}, resuming from {@code resume} if set. */
  Flux<StreamEvent> open(AccessTokenClaims claims, @Nullable String resume) {
    return openBatches(claims, resume).flatMapIterable(batch -> batch);
  }

  /**
   * {@link #open}'s events in the batches they are handed over in ({@link StreamSession#batches}),
   * for a connection that writes a batch at once.
   */
  Flux<StreamBatch> openBatches(AccessTokenClaims claims, @Nullable String resume) {
    return Flux.using(() -> hub.open(claims, resume), this::live, hub::close);
  }

  private Flux<StreamBatch> live(StreamSession session) {
    return directory
        .serverIdsOf(session.user())
        .collectList()
        .flatMapMany(
            servers -> {
              hub.activate(session, servers);
              return session.batches();
            });
  }

  /**
   * {@code items} with a {@code heartbeat} every {@code interval} while they last (dropped, not
   * queued, when the connection is not reading); they end when {@code items} do.
   */
  static <T> Flux<T> withHeartbeats(Flux<T> items, Duration interval, Supplier<T> heartbeat) {
    Sinks.Empty<Void> ended = Sinks.empty();
    var heartbeats =
        Flux.interval(interval, interval)
            .onBackpressureDrop()
            .map(tick -> heartbeat.get())
            .takeUntilOther(ended.asMono());
    return Flux.merge(items.doFinally(signal -> ended.tryEmitEmpty()), heartbeats);
  }
}
