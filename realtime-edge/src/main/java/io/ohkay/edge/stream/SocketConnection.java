package io.ohkay.edge.stream;

import io.ohkay.edge.position.PositionWait;
import io.ohkay.edge.presence.ClientSignals;
import io.ohkay.edge.web.ProblemException;
import io.ohkay.edge.web.Problems;
import io.ohkay.schemas.error.ErrorCode;
import io.ohkay.schemas.error.Problem;
import io.ohkay.schemas.json.Json;
import io.ohkay.schemas.token.AccessTokenClaims;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.buffer.DataBufferFactory;
import org.springframework.web.reactive.socket.WebSocketHandler;
import org.springframework.web.reactive.socket.WebSocketMessage;
import org.springframework.web.reactive.socket.WebSocketSession;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * One WebSocket client of {@code GET /api/ws}, authenticated at the handshake: the same stream as
 * SSE (the same hub session, so the same buffer and {@code overflow}), each event as its shared
 * frame ({@link StreamEvent#frame()}), a ping every heartbeat interval. The first frame opens the
 * stream ({@link SocketOpening}); later ones ({@code typing}, {@code presence}) go through {@link
 * ClientSignals} as the HTTP routes do, and a refused or malformed one gets an {@code error} frame
 * while the connection stays open. The end of the stream closes the connection ({@link SocketEnd});
 * the client's end ends the stream.
 */
final class SocketConnection implements WebSocketHandler {

  /** The name of the frames that answer a refused client frame. */
  static final String ERROR = "error";

  private static final Logger log = LoggerFactory.getLogger(SocketConnection.class);

  /** Error answers not yet written; past this a client that sends but never reads loses some. */
  private static final int REPLY_BUFFER = 64;

  private final AccessTokenClaims claims;
  private final ClientSignals signals;
  private final Duration heartbeatInterval;
  private final SocketEnd end = new SocketEnd();
  private final SocketOpening opening;
  private final Sinks.Many<StreamEvent> replies =
      Sinks.many().unicast().onBackpressureBuffer(new ArrayBlockingQueue<>(REPLY_BUFFER));

  SocketConnection(
      AccessTokenClaims claims,
      StreamOpener streams,
      ClientSignals signals,
      Duration heartbeatInterval) {
    this.claims = claims;
    this.signals = signals;
    this.heartbeatInterval = heartbeatInterval;
    this.opening = new SocketOpening(claims, streams, end);
  }

  /** Whichever ends first, the client or the stream, ends the connection. */
  @Override
  public Mono<Void> handle(WebSocketSession socket) {
    var input =
        socket
            .receive()
            .filter(this::isData)
            .map(ReceivedFrame::read)
            .concatMap(this::received)
            .then();
    var output = socket.send(messages(socket)).then(Mono.defer(() -> end.close(socket)));
    return Mono.firstWithSignal(input, output);
  }

  /** Whether {@code message} is a data frame (pongs go to the end, pings are answered below). */
  private boolean isData(WebSocketMessage message) {
    return switch (message.getType()) {
      case TEXT, BINARY -> true;
      case PING -> false;
      case PONG -> {
        end.notePong(message);
        yield false;
      }
    };
  }

  private Flux<WebSocketMessage> messages(WebSocketSession socket) {
    Sinks.Empty<Void> ended = Sinks.empty();
    var events =
        Flux.merge(
            opening.stream().doFinally(signal -> ended.tryEmitEmpty()),
            replies.asFlux().takeUntilOther(ended.asMono()));
    var buffers = socket.bufferFactory();
    return StreamOpener.withHeartbeats(
        events.map(event -> text(event, buffers)),
        heartbeatInterval,
        () -> socket.pingMessage(factory -> factory.allocateBuffer(0)));
  }

  /** The text frame of {@code event}: its shared frame bytes, wrapped for this connection. */
  static WebSocketMessage text(StreamEvent event, DataBufferFactory buffers) {
    return new WebSocketMessage(WebSocketMessage.Type.TEXT, buffers.wrap(event.frame()));
  }

  private Mono<Void> received(ReceivedFrame received) {
    if (opening.waiting()) {
      opening.first(received);
      return Mono.empty();
    }
    if (!opening.streaming()) {
      return Mono.empty();
    }
    var frame = received.frame();
    return frame == null ? reply(received.requireRefusal()) : command(frame);
  }

  private Mono<Void> command(ClientFrame frame) {
    var user = claims.userId();
    Mono<Void> done =
        switch (frame) {
          case ClientFrame.Start start ->
              Mono.error(
                  new ProblemException(
                      ErrorCode.VALIDATION_FAILED,
                      "The stream has started; open another connection to start another."));
          case ClientFrame.TypingInChannel typing ->
              signals.typingInChannel(user, typing.server(), typing.channel(), PositionWait.none());
          case ClientFrame.TypingInConversation typing ->
              signals.typingInConversation(user, typing.conversation());
          case ClientFrame.Presence presence ->
              Mono.fromRunnable(() -> signals.idle(user, presence.idle()));
        };
    return done.onErrorResume(
        error -> reply(Problems.classify(error, "a WebSocket frame of user " + user)));
  }

  private Mono<Void> reply(ProblemException refusal) {
    if (replies.tryEmitNext(error(refusal)).isFailure()) {
      log.debug("an error frame for user {} dropped: {}", claims.userId(), refusal.detail());
    }
    return Mono.empty();
  }

  /** An {@code error} event: {@code {"event":"error","data":<problem json with its code>}}. */
  static StreamEvent error(ProblemException refusal) {
    var problem = Problem.of(refusal.code(), refusal.detail());
    return StreamEvent.ephemeral(ERROR, Json.mapper().writeValueAsString(problem));
  }
}
