package io.ohkay.command.dm;

import io.ohkay.command.user.Credentials;
import io.ohkay.command.web.BearerAuth;
import io.ohkay.command.web.CommandIds;
import io.ohkay.command.web.CommandReplies;
import io.ohkay.command.web.Fields;
import io.ohkay.command.web.JsonBodies;
import io.ohkay.command.web.PathIds;
import io.ohkay.command.web.Problems;
import io.ohkay.schemas.command.DeleteDirectMessage;
import io.ohkay.schemas.command.MarkConversationRead;
import io.ohkay.schemas.command.OpenConversation;
import io.ohkay.schemas.command.SendDirectMessage;
import io.ohkay.schemas.id.CommandId;
import io.ohkay.schemas.id.ConversationId;
import io.ohkay.schemas.id.MessageId;
import io.ohkay.schemas.id.UserId;
import io.ohkay.schemas.outcome.CommandOutcome;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Conversation writes: {@code POST /api/dms/{recipientId}} (201 when this call opened the
 * conversation, 200 when it existed), {@code POST /api/dms/{conversationId}/messages} {@code
 * {content}} (201, the message), {@code DELETE .../messages/{messageId}} (204, its author only) and
 * {@code PUT /api/dms/{conversationId}/read} (204). A message raises a notification when its
 * recipient has no live stream, as far as this instance knows when it sends it.
 */
public final class DmRoutes {

  static final int MAX_BODY_BYTES = 64 * 1024;
  static final int MAX_CONTENT = 4000;

  private final DmCommands commands;
  private final BearerAuth auth;
  private final Credentials accounts;
  private final ConversationPairs pairs;
  private final PresenceView presence;

  public DmRoutes(
      DmCommands commands,
      BearerAuth auth,
      Credentials accounts,
      ConversationPairs pairs,
      PresenceView presence) {
    this.commands = commands;
    this.auth = auth;
    this.accounts = accounts;
    this.pairs = pairs;
    this.presence = presence;
  }

  public RouterFunction<ServerResponse> routes() {
    return RouterFunctions.route()
        .POST("/api/dms/{recipientId}", this::open)
        .POST("/api/dms/{conversationId}/messages", this::send)
        .DELETE("/api/dms/{conversationId}/messages/{messageId}", this::delete)
        .PUT("/api/dms/{conversationId}/read", this::read)
        .filter(Problems.filter())
        .build();
  }

  record MessageRequest(@Nullable String content) {}

  private Mono<ServerResponse> open(ServerRequest request) {
    var recipient = PathIds.get(request, "recipientId", UserId::parse);
    return auth.authenticate(request)
        .flatMap(
            caller -> {
              var actor = caller.userId();
              var id = CommandIds.of(request, actor);
              return accounts
                  .otherAccount(actor, recipient)
                  .map(found -> new OpenConversation(ConversationId.between(actor, found), found))
                  .flatMap(open -> opened(id, actor, open));
            });
  }

  private Mono<ServerResponse> opened(CommandId id, UserId actor, OpenConversation open) {
    return commands
        .submit(id, actor, open)
        .flatMap(
            outcome ->
                CommandReplies.reply(
                    id,
                    outcome,
                    openedHere(outcome) ? HttpStatus.CREATED : HttpStatus.OK,
                    decided -> DmViews.conversation(open.conversationId(), open.recipientId())));
  }

  /** Whether the outcome opened the conversation (an open one is accepted without a fact). */
  private static boolean openedHere(Optional<CommandOutcome> outcome) {
    return outcome.map(decided -> !decided.events().isEmpty()).orElse(true);
  }

  private Mono<ServerResponse> send(ServerRequest request) {
    var conversation = PathIds.get(request, "conversationId", ConversationId::parse);
    return auth.authenticate(request)
        .flatMap(
            caller -> {
              var actor = caller.userId();
              var id = CommandIds.of(request, actor);
              return JsonBodies.read(request, MessageRequest.class, MAX_BODY_BYTES)
                  .map(body -> Fields.text(body.content(), "content", 1, MAX_CONTENT))
                  .flatMap(
                      content ->
                          recipientOffline(conversation, actor)
                              .map(
                                  offline ->
                                      new SendDirectMessage(
                                          conversation,
                                          new MessageId(id.value()),
                                          content,
                                          offline)))
                  .flatMap(send -> commands.submit(id, actor, send))
                  .flatMap(
                      outcome ->
                          CommandReplies.reply(id, outcome, HttpStatus.CREATED, DmViews::message));
            });
  }

  /**
   * Whether the other participant has no live stream. When in doubt (pair unknown, or the actor not
   * in it: the decider refuses the message anyway), notify.
   */
  private Mono<Boolean> recipientOffline(ConversationId conversation, UserId actor) {
    return Mono.fromCallable(
            () ->
                pairs
                    .otherParticipant(conversation, actor)
                    .map(recipient -> !presence.isOnline(recipient))
                    .orElse(true))
        .subscribeOn(Schedulers.boundedElastic());
  }

  private Mono<ServerResponse> delete(ServerRequest request) {
    var conversation = PathIds.get(request, "conversationId", ConversationId::parse);
    var message = PathIds.get(request, "messageId", MessageId::parse);
    return auth.authenticate(request)
        .flatMap(
            caller ->
                commands.noContent(
                    request, caller.userId(), new DeleteDirectMessage(conversation, message)));
  }

  private Mono<ServerResponse> read(ServerRequest request) {
    var conversation = PathIds.get(request, "conversationId", ConversationId::parse);
    return auth.authenticate(request)
        .flatMap(
            caller ->
                commands.noContent(
                    request, caller.userId(), new MarkConversationRead(conversation)));
  }
}
