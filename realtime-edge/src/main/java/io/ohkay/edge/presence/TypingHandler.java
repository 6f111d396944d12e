package io.ohkay.edge.presence;

import io.ohkay.edge.position.ReadYourWrites;
import io.ohkay.edge.server.ServerDirectory;
import io.ohkay.edge.web.Authenticator;
import io.ohkay.edge.web.ProblemException;
import io.ohkay.edge.web.RequestIds;
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
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * {@code POST /api/servers/{serverId}/channels/{channelId}/typing} (a member who can view the
 * channel; {@code SERVER_NOT_FOUND} / {@code CHANNEL_NOT_FOUND} otherwise) and {@code POST
 * /api/dms/{conversationId}/typing} (a participant; {@code CONVERSATION_NOT_FOUND} otherwise): 204,
 * and a {@code typing.v1} signal unless the caller sent one for the same place within the limiter's
 * window.
 */
final class TypingHandler {

  private static final Logger log = LoggerFactory.getLogger(TypingHandler.class);

  private final Authenticator authenticator;
  private final ServerDirectory directory;
  private final ReadYourWrites readYourWrites;
  private final PresenceQueries queries;
  private final TypingLimiter limiter;
  private final Consumer<Typing> sink;
  private final Clock clock;

  TypingHandler(
      Authenticator authenticator,
      ServerDirectory directory,
      ReadYourWrites readYourWrites,
      PresenceQueries queries,
      TypingLimiter limiter,
      Consumer<Typing> sink,
      Clock clock) {
    this.authenticator = authenticator;
    this.directory = directory;
    this.readYourWrites = readYourWrites;
    this.queries = queries;
    this.limiter = limiter;
    this.sink = sink;
    this.clock = clock;
  }

  Mono<ServerResponse> inChannel(ServerRequest request) {
    var user = authenticator.require(request).userId();
    var server = new ServerId(RequestIds.path(request, "serverId"));
    var channel = new ChannelId(RequestIds.path(request, "channelId"));
    return directory
        .open(user, server, readYourWrites.of(request))
        .flatMap(access -> access.viewableChannel(channel.value()))
        .flatMap(
            access ->
                send(
                    user,
                    channel.value(),
                    () -> Typing.inChannel(user, server, channel, clock.instant())));
  }

  Mono<ServerResponse> inConversation(ServerRequest request) {
    var user = authenticator.require(request).userId();
    var conversation = new ConversationId(RequestIds.path(request, "conversationId"));
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

  /** 204; the signal handed to the producer first unless the limiter holds it back. */
  private Mono<ServerResponse> send(UserId user, UUID place, Supplier<Typing> typing) {
    var noContent = ServerResponse.noContent().build();
    if (!limiter.tryAcquire(user, place)) {
      return noContent;
    }
    // Off the event loop: a producer send may wait for the topic's metadata.
    return Mono.fromRunnable(() -> sink.accept(typing.get()))
        .subscribeOn(Schedulers.boundedElastic())
        .onErrorResume(
            RuntimeException.class,
            e -> {
              log.warn("typing of {} not sent: {}", user, e.toString());
              return Mono.empty();
            })
        .then(noContent);
  }
}
