package io.ohkay.edge.presence;

import io.ohkay.edge.position.PositionWait;
import io.ohkay.edge.server.ServerDirectory;
import io.ohkay.edge.web.ProblemException;
import io.ohkay.schemas.error.ErrorCode;
import io.ohkay.schemas.id.ChannelId;
import io.ohkay.schemas.id.ConversationId;
import io.ohkay.schemas.id.ServerId;
import io.ohkay.schemas.id.UserId;
import io.ohkay.schemas.signal.Typing;
import java.time.Clock;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.JsonNode;

/**
 * What a client signals about itself, the same over HTTP and over the WebSocket: that it is typing
 * in a channel (a member who can view it; {@code SERVER_NOT_FOUND} / {@code CHANNEL_NOT_FOUND}
 * otherwise) or in a conversation (a participant; {@code CONVERSATION_NOT_FOUND} otherwise),
 * published as {@code typing.v1} unless the user sent one for the same place within the limiter's
 * window; and its idle flag in this edge's presence signals.
 */
public final class ClientSignals {

  private static final Logger log = LoggerFactory.getLogger(ClientSignals.class);

  private final ServerDirectory directory;
  private final PresenceQueries queries;
  private final TypingLimiter limiter;
  private final Consumer<Typing> sink;
  private final Clock clock;
  private final PresencePublisher publisher;

  ClientSignals(
      ServerDirectory directory,
      PresenceQueries queries,
      TypingLimiter limiter,
      Consumer<Typing> sink,
      Clock clock,
      PresencePublisher publisher) {
    this.directory = directory;
    this.queries = queries;
    this.limiter = limiter;
    this.sink = sink;
    this.clock = clock;
    this.publisher = publisher;
  }

  /**
   * {@code user} types in {@code channel} of {@code server}, read once the server's database has
   * applied {@code wait}; completes once the signal is handed to the producer or held back.
   */
  public Mono<Void> typingInChannel(
      UserId user, ServerId server, ChannelId channel, PositionWait wait) {
    return directory
        .open(user, server, wait)
        .flatMap(access -> access.viewableChannel(channel.value()))
        .flatMap(
            access ->
                send(
                    user,
                    channel.value(),
                    () -> Typing.inChannel(user, server, channel, clock.instant())));
  }

  /** {@code user} types in {@code conversation}; completes as {@link #typingInChannel} does. */
  public Mono<Void> typingInConversation(UserId user, ConversationId conversation) {
    return queries
        .otherParticipant(user, conversation)
        .switchIfEmpty(
            Mono.error(
                new ProblemException(ErrorCode.CONVERSATION_NOT_FOUND, "No such conversation.")))
        .flatMap(
            recipient ->
                send(
                    user,
                    conversation.value(),
                    () -> Typing.inConversation(user, recipient, clock.instant())));
  }

  /** {@code user} is idle (away from the keyboard) or back, as this edge's signals say. */
  public void idle(UserId user, boolean isIdle) {
    publisher.idle(user, isIdle);
  }

  /**
   * {@code true} for {@code {"status":"idle"}}, {@code false} for {@code {"status":"online"}};
   * {@code VALIDATION_FAILED} for anything else.
   */
  public static boolean isIdle(JsonNode json) {
    var status = json.path("status");
    if (status.isString() && status.asString().equals("idle")) {
      return true;
    }
    if (status.isString() && status.asString().equals("online")) {
      return false;
    }
    throw new ProblemException(
        ErrorCode.VALIDATION_FAILED, "status must be \"online\" or \"idle\".");
  }

  /** The signal handed to the producer unless the limiter holds it back. */
  private Mono<Void> send(UserId user, UUID place, Supplier<Typing> typing) {
    if (!limiter.tryAcquire(user, place)) {
      return Mono.empty();
    }
    // Off the event loop: a producer send may wait for the topic's metadata.
    return Mono.<Void>fromRunnable(() -> sink.accept(typing.get()))
        .subscribeOn(Schedulers.boundedElastic())
        .onErrorResume(
            RuntimeException.class,
            e -> {
              log.warn("typing of {} not sent: {}", user, e.toString());
              return Mono.empty();
            });
  }
}
