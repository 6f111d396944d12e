package io.ohkay.edge.stream;

import io.ohkay.edge.presence.ClientSignals;
import io.ohkay.edge.web.Authenticator;
import io.ohkay.edge.web.ProblemException;
import io.ohkay.edge.web.Problems;
import io.ohkay.schemas.error.ErrorCode;
import java.time.Duration;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.codec.HttpMessageWriter;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.reactive.result.view.ViewResolver;
import org.springframework.web.reactive.socket.server.WebSocketService;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebHandler;
import reactor.core.publisher.Mono;

/**
 * {@code GET /api/ws}: the WebSocket handshake of the live stream, authenticated as {@code GET
 * /api/stream} is ({@link Authenticator#requireStream}: a Bearer header or a {@code ?ticket=},
 * never a token in the URL) before the upgrade; a refused handshake is answered with problem+json
 * like any route. An accepted one is upgraded to a {@link SocketConnection} of the caller.
 */
final class SocketHandshake implements WebHandler {

  private final Authenticator authenticator;
  private final StreamOpener streams;
  private final ClientSignals signals;
  private final Duration heartbeatInterval;
  private final WebSocketService service;
  private final ServerCodecConfigurer codecs;

  /**
   * @param service the application's WebSocket service, which upgrades the connection
   * @param codecs the application's codecs, to read the request and write refusals
   */
  SocketHandshake(
      Authenticator authenticator,
      StreamOpener streams,
      ClientSignals signals,
      Duration heartbeatInterval,
      WebSocketService service,
      ServerCodecConfigurer codecs) {
    this.authenticator = authenticator;
    this.streams = streams;
    this.signals = signals;
    this.heartbeatInterval = heartbeatInterval;
    this.service = service;
    this.codecs = codecs;
  }

  @Override
  public Mono<Void> handle(ServerWebExchange exchange) {
    SocketConnection connection;
    try {
      connection = accept(ServerRequest.create(exchange, codecs.getReaders()));
    } catch (RuntimeException e) {
      var refusal = Problems.classify(e, "GET /api/ws");
      return Problems.respond(refusal.code(), refusal.detail())
          .flatMap(response -> response.writeTo(exchange, new Writers(codecs.getWriters())));
    }
    return service.handleRequest(exchange, connection);
  }

  private SocketConnection accept(ServerRequest request) {
    if (!HttpMethod.GET.equals(request.method())) {
      throw new ProblemException(
          ErrorCode.METHOD_NOT_ALLOWED, "/api/ws is a WebSocket handshake: GET only.");
    }
    var claims = authenticator.requireStream(request);
    if (!"websocket".equalsIgnoreCase(request.headers().firstHeader(HttpHeaders.UPGRADE))) {
      throw new ProblemException(
          ErrorCode.VALIDATION_FAILED,
          "/api/ws is a WebSocket: send the handshake (Upgrade: websocket), or read GET"
              + " /api/stream as SSE.");
    }
    if (!streams.isRunning()) {
      throw new ProblemException(ErrorCode.UNAVAILABLE, "The stream is shutting down.");
    }
    return new SocketConnection(claims, streams, signals, heartbeatInterval);
  }

  /** What a refusal is written with: the application's writers, no views. */
  private record Writers(List<HttpMessageWriter<?>> messageWriters)
      implements ServerResponse.Context {

    @Override
    public List<ViewResolver> viewResolvers() {
      return List.of();
    }
  }
}
