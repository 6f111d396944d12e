package io.ohkay.edge.stream;

import io.ohkay.edge.server.ServerDirectory;
import io.ohkay.edge.web.Authenticator;
import io.ohkay.edge.web.ProblemException;
import io.ohkay.schemas.error.ErrorCode;
import io.ohkay.schemas.token.AccessTokenClaims;
import java.time.Duration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * {@code GET /api/stream}: the caller's one multiplexed stream of the events of every server they
 * are a member of and of their direct messages. {@code ready} comes first, once the connection is
 * registered for them; a {@code :hb} comment keeps idle connections open; {@code revoked} ends the
 * connection when its session is revoked or its account deleted; {@code unavailable} (with a cursor
 * to resume from) when the permissions of one of its servers could not be loaded in time.
 */
final class StreamHandler {

  private static final ServerSentEvent<String> HEARTBEAT =
      ServerSentEvent.<String>builder().comment("hb").build();

  private final Authenticator authenticator;
  private final ServerDirectory directory;
  private final StreamHub hub;
  private final Duration heartbeatInterval;

  StreamHandler(
      Authenticator authenticator,
      ServerDirectory directory,
      StreamHub hub,
      Duration heartbeatInterval) {
    this.authenticator = authenticator;
    this.directory = directory;
    this.hub = hub;
    this.heartbeatInterval = heartbeatInterval;
  }

  Mono<ServerResponse> stream(ServerRequest request) {
    var claims = authenticator.require(request);
    if (!hub.isRunning()) {
      throw new ProblemException(ErrorCode.UNAVAILABLE, "The stream is shutting down.");
    }
    return ServerResponse.ok()
        .contentType(MediaType.TEXT_EVENT_STREAM)
        .header(HttpHeaders.CACHE_CONTROL, "no-cache")
        .header("X-Accel-Buffering", "no")
        .body(BodyInserters.fromServerSentEvents(events(claims)));
  }

  private Flux<ServerSentEvent<String>> events(AccessTokenClaims claims) {
    return Flux.using(() -> hub.open(claims), this::live, hub::close);
  }

  private Flux<ServerSentEvent<String>> live(StreamSession session) {
    return directory
        .serverIdsOf(session.user())
        .collectList()
        .flatMapMany(
            servers -> {
              hub.activate(session, servers);
              return withHeartbeats(session.events());
            });
  }

  private Flux<ServerSentEvent<String>> withHeartbeats(Flux<ServerSentEvent<String>> events) {
    Sinks.Empty<Void> ended = Sinks.empty();
    var heartbeats =
        Flux.interval(heartbeatInterval, heartbeatInterval)
            .onBackpressureDrop()
            .map(tick -> HEARTBEAT)
            .takeUntilOther(ended.asMono());
    return Flux.merge(events.doFinally(signal -> ended.tryEmitEmpty()), heartbeats);
  }
}
