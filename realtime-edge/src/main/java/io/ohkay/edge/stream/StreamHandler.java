package io.ohkay.edge.stream;

import io.ohkay.edge.web.Authenticator;
import io.ohkay.edge.web.ProblemException;
import io.ohkay.schemas.error.ErrorCode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ReactiveHttpOutputMessage;
import org.springframework.web.reactive.function.BodyInserter;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * {@code GET /api/stream}: authenticated by the access token in {@code Authorization} or, for
 * browsers (whose {@code EventSource} cannot set headers), by a short-lived stream ticket in {@code
 * ?ticket=} ({@code POST /api/auth/stream-ticket}); the caller's one multiplexed stream of the
 * events of every server they are a member of and of their direct messages. {@code ready} comes
 * first, once the connection is registered for them; a {@code :hb} comment keeps idle connections
 * open; {@code revoked} ends the connection when its session is revoked or its account deleted;
 * {@code unavailable} (with a cursor to resume from) when the permissions of one of its servers
 * could not be loaded in time.
 *
 * <p>Each event is written as its shared SSE bytes ({@link StreamEvent#sse()}), wrapped, not
 * copied, for this connection; a batch of events handed over together (the feed's records of one
 * poll) is written as one buffer, so as one HTTP chunk, its bytes shared by every connection given
 * the same batch ({@link StreamBatch#sse()}). They are written with {@code writeWith}, not Spring's
 * SSE writer's flush per event: reactor-netty flushes whenever the connection has written all it
 * was given, so a lone event goes out at once and a burst (a busy channel) goes out in one flush,
 * not one system call per event.
 */
final class StreamHandler {

  private static final String LAST_EVENT_ID = "Last-Event-ID";

  private static final byte[] HEARTBEAT = ":hb\n\n".getBytes(StandardCharsets.UTF_8);

  private final Authenticator authenticator;
  private final StreamOpener streams;
  private final Duration heartbeatInterval;

  StreamHandler(Authenticator authenticator, StreamOpener streams, Duration heartbeatInterval) {
    this.authenticator = authenticator;
    this.streams = streams;
    this.heartbeatInterval = heartbeatInterval;
  }

  Mono<ServerResponse> stream(ServerRequest request) {
    var claims = authenticator.requireStream(request);
    if (!streams.isRunning()) {
      throw new ProblemException(ErrorCode.UNAVAILABLE, "The stream is shutting down.");
    }
    var events = streams.openBatches(claims, resumeCursor(request));
    return ServerResponse.ok()
        .contentType(MediaType.TEXT_EVENT_STREAM)
        .header(HttpHeaders.CACHE_CONTROL, "no-cache")
        .header("X-Accel-Buffering", "no")
        .body(sse(events));
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

  private BodyInserter<Flux<StreamBatch>, ReactiveHttpOutputMessage> sse(
      Flux<StreamBatch> batches) {
    return (message, context) ->
        message.writeWith(buffers(batches, heartbeatInterval, message.bufferFactory()));
  }

  /**
   * What the connection writes: each batch's SSE bytes ({@link StreamBatch#sse}, in direct memory
   * when other connections write them too) wrapped by {@code factory}, with a heartbeat comment
   * every {@code heartbeatInterval}.
   */
  static Flux<DataBuffer> buffers(
      Flux<StreamBatch> batches, Duration heartbeatInterval, DataBufferFactory factory) {
    return StreamOpener.withHeartbeats(
        batches.map(
            batch ->
                batch.isShared() ? factory.wrap(batch.directSse()) : factory.wrap(batch.sse())),
        heartbeatInterval,
        () -> factory.wrap(HEARTBEAT));
  }
}
