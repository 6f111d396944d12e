package io.ohkay.edge.stream;

import io.ohkay.edge.web.ProblemException;
import io.ohkay.edge.web.Problems;
import io.ohkay.schemas.error.ErrorCode;
import io.ohkay.schemas.token.AccessTokenClaims;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.web.reactive.socket.CloseStatus;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * The first frame of a WebSocket connection, which opens its stream: {@code start} a new one or
 * {@code resume} from a cursor. Nothing is streamed before it; anything else, or nothing within
 * {@link #FIRST_FRAME_WAIT}, is answered with an {@code error} event and the connection ends with
 * {@link SocketEnd#BAD_FIRST_FRAME} or {@link SocketEnd#NO_FIRST_FRAME}. The frame and the deadline
 * race; the first to come decides.
 */
final class SocketOpening {

  /** How long the client has to send its first frame. */
  static final Duration FIRST_FRAME_WAIT = Duration.ofSeconds(10);

  private enum State {
    WAITING,
    STREAMING,
    REFUSED
  }

  private final AccessTokenClaims claims;
  private final StreamOpener streams;
  private final SocketEnd end;
  private final AtomicReference<State> state = new AtomicReference<>(State.WAITING);
  private final Sinks.One<Flux<StreamEvent>> opened = Sinks.one();

  SocketOpening(AccessTokenClaims claims, StreamOpener streams, SocketEnd end) {
    this.claims = claims;
    this.streams = streams;
    this.end = end;
  }

  /** Whether the first frame opened the stream. */
  boolean streaming() {
    return state.get() == State.STREAMING;
  }

  /** Whether the first frame is still awaited. */
  boolean waiting() {
    return state.get() == State.WAITING;
  }

  /** Opens the stream for a {@code start} or {@code resume} frame; refuses anything else. */
  void first(ReceivedFrame received) {
    if (received.frame() instanceof ClientFrame.Start start) {
      if (state.compareAndSet(State.WAITING, State.STREAMING)) {
        opened.tryEmitValue(streams.open(claims, start.cursor()).doOnNext(end::noteLast));
      }
      return;
    }
    var refusal =
        received.frame() == null
            ? received.requireRefusal()
            : new ProblemException(
                ErrorCode.VALIDATION_FAILED,
                "The first frame must be {\"type\":\"start\"} or"
                    + " {\"type\":\"resume\",\"cursor\":\"…\"}.");
    if (state.compareAndSet(State.WAITING, State.REFUSED)) {
      opened.tryEmitValue(refused(SocketEnd.BAD_FIRST_FRAME, refusal));
    }
  }

  /**
   * The stream once the first frame opened it, or the refusal of the first frame; an error of the
   * stream ends it with an {@code error} event and {@code 1011}.
   */
  Flux<StreamEvent> stream() {
    return opened
        .asMono()
        .timeout(FIRST_FRAME_WAIT, Mono.defer(this::noFirstFrame))
        .flatMapMany(events -> events)
        .onErrorResume(
            error ->
                refused(
                    CloseStatus.SERVER_ERROR, Problems.classify(error, "the WebSocket stream")));
  }

  private Mono<Flux<StreamEvent>> noFirstFrame() {
    if (state.compareAndSet(State.WAITING, State.REFUSED)) {
      return Mono.just(
          refused(
              SocketEnd.NO_FIRST_FRAME,
              new ProblemException(
                  ErrorCode.VALIDATION_FAILED,
                  "No start or resume frame came within " + FIRST_FRAME_WAIT.toSeconds() + " s.")));
    }
    // The frame came just in time: what it decided is (being) emitted.
    return opened.asMono();
  }

  private Flux<StreamEvent> refused(CloseStatus status, ProblemException refusal) {
    end.closeWith(status);
    return Flux.just(SocketConnection.error(refusal));
  }
}
