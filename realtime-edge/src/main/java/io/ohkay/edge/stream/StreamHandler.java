package io.ohkay.edge.stream;

import io.ohkay.edge.server.ServerDirectory;
import io.ohkay.edge.web.Authenticator;
import io.ohkay.edge.web.ProblemException;
import io.ohkay.schemas.error.ErrorCode;
import io.ohkay.schemas.token.AccessTokenClaims;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
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
 * {@code GET /api/stream}: authenticated by the access token in {@code Authorization} or, for
 * browsers (whose {@code EventSource} cannot set headers), by a short-lived stream ticket in {@code
 * ?ticket=} ({@code POST /api/auth/stream-ticket}); the caller's one multiplexed stream of the
 * events of every server they are a member of and of their direct messages. {@code ready} comes
 * first, once the connection is registered for them; a {@code :hb} comment keeps idle connections
 * open; {@code revoked} ends the connection when its session is revoked or its account deleted;
 * {@code unavailable} (with a cursor to resume from) when the permissions of one of its servers
 * could not be loaded in time.
 */
final class StreamHandler {

  private static final String LAST_EVENT_ID = "Last-Event-ID";

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
    var claims = authenticator.requireStream(request);
    if (!hub.isRunning()) {
      throw new ProblemException(ErrorCode.UNAVAILABLE, "The stream is shutting down.");
    }
    return ServerResponse.ok()
        .contentType(MediaType.TEXT_EVENT_STREAM)
        .header(HttpHeaders.CACHE_CONTROL, "no-cache")
        .header("X-Accel-Buffering", "no")
        .body(BodyInserters.fromServerSentEvents(events(claims, resumeCursor(request))));
  }

  private Flux<ServerSentEvent<String>> events(AccessTokenClaims claims, @Nullable String resume) {
    return Flux.using(() -> hub.open(claims, resume), this::live, hub::close);
  }

  /**
   * The cursor the client resumes from: the {@code Last-Event-ID} header a browser's {@code
   * EventSource} sends when it reconnects, else the {@code cursor} query parameter (a client
   * opening a new {@code EventSource} cannot set headers); null for a new stream. An unreadable one
   * is answered in-band with {@code resync}, as a browser would otherwise retry it forever.
   */
  static @Nullable String resumeCursor(ServerRequest request) {
    var header = request.headers().firstHeader(LAST_EVENT_ID);
    if (header != null && !header.isBlank()) {
      return header.trim();
    }
    return request.queryParam("cursor").filter(c -> !c.isBlank()).orElse(null);
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
