package io.ohkay.edge.stream;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.springframework.web.reactive.socket.CloseStatus;
import org.springframework.web.reactive.socket.WebSocketMessage;
import org.springframework.web.reactive.socket.WebSocketSession;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * How a WebSocket connection of the stream ends: the close code its end calls for ({@code 1001}
 * unless told otherwise: the edge shuts down), and the close itself, once the client has read
 * everything before it (its pong to a last ping) or after {@link #DRAIN_WAIT}. Closing at once
 * would reset a connection the client still sends on (a pong to an earlier ping, read late), and
 * the reset would drop what it had not read yet: the last event and the close code first.
 */
final class SocketEnd {

  /** The first frame was neither {@code start} nor {@code resume}, or no JSON. */
  static final CloseStatus BAD_FIRST_FRAME = new CloseStatus(4400, "bad first frame");

  /** No first frame came within {@link SocketOpening#FIRST_FRAME_WAIT}. */
  static final CloseStatus NO_FIRST_FRAME = new CloseStatus(4408, "no first frame");

  /** After {@code revoked}: the session was revoked or the account deleted. */
  static final CloseStatus REVOKED = new CloseStatus(4401, StreamSession.REVOKED);

  /** After {@code overflow}: the client fell too far behind; resume from its cursor. */
  static final CloseStatus OVERFLOW = new CloseStatus(4429, StreamSession.OVERFLOW);

  /** After {@code unavailable}: permissions could not be loaded in time; resume from its cursor. */
  static final CloseStatus UNAVAILABLE = new CloseStatus(4503, StreamSession.UNAVAILABLE);

  /** How long a closing connection waits for the client to have read everything. */
  static final Duration DRAIN_WAIT = Duration.ofSeconds(10);

  private static final Map<String, CloseStatus> LAST_EVENTS =
      Map.of(
          StreamSession.REVOKED, REVOKED,
          StreamSession.OVERFLOW, OVERFLOW,
          StreamSession.UNAVAILABLE, UNAVAILABLE);

  /** The payload of the last ping. */
  private static final String DRAIN_PING = "drained?";

  private final Sinks.Empty<Void> drained = Sinks.empty();
  private volatile CloseStatus status = CloseStatus.GOING_AWAY;

  /** Closes with {@code closing} at the end. */
  void closeWith(CloseStatus closing) {
    status = closing;
  }

  /** Closes with the code of {@code event} if it is the last of a stream. */
  void noteLast(StreamEvent event) {
    var last = LAST_EVENTS.get(event.name());
    if (last != null) {
      status = last;
    }
  }

  /** Notes the client's pong to the last ping, which it sends once it read everything before. */
  void notePong(WebSocketMessage pong) {
    if (pong.getPayloadAsText().equals(DRAIN_PING)) {
      drained.tryEmitEmpty();
    }
  }

  /** Pings, waits (bounded) for the pong, then closes with the code. */
  Mono<Void> close(WebSocketSession socket) {
    var ping =
        socket.pingMessage(buffers -> buffers.wrap(DRAIN_PING.getBytes(StandardCharsets.US_ASCII)));
    return socket
        .send(Mono.just(ping))
        .then(drained.asMono().timeout(DRAIN_WAIT, Mono.empty()))
        .then(Mono.defer(() -> socket.close(status)));
  }
}
