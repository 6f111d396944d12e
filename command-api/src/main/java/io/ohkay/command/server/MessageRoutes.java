package io.ohkay.command.server;

import io.ohkay.command.web.BearerAuth;
import io.ohkay.command.web.CommandIds;
import io.ohkay.command.web.CommandReplies;
import io.ohkay.command.web.Fields;
import io.ohkay.command.web.JsonBodies;
import io.ohkay.command.web.PathIds;
import io.ohkay.command.web.Problems;
import io.ohkay.schemas.command.DeleteMessage;
import io.ohkay.schemas.command.EditMessage;
import io.ohkay.schemas.command.MarkChannelRead;
import io.ohkay.schemas.id.ChannelId;
import io.ohkay.schemas.id.MessageId;
import io.ohkay.schemas.id.ServerId;
import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * Writes about existing messages: {@code PATCH /api/servers/{id}/channels/{cid}/messages/{mid}}
 * {@code {content}} (200, the edited message), {@code DELETE} the same path (204), and {@code PUT
 * .../channels/{cid}/read} (204: the caller has read the channel up to now).
 */
public final class MessageRoutes {

  private static final String MESSAGE =
      "/api/servers/{serverId}/channels/{channelId}/messages/{messageId}";

  private final ServerCommands commands;
  private final BearerAuth auth;

  public MessageRoutes(ServerCommands commands, BearerAuth auth) {
    this.commands = commands;
    this.auth = auth;
  }

  public RouterFunction<ServerResponse> routes() {
    return RouterFunctions.route()
        .PATCH(MESSAGE, this::edit)
        .DELETE(MESSAGE, this::delete)
        .PUT("/api/servers/{serverId}/channels/{channelId}/read", this::read)
        .filter(Problems.filter())
        .build();
  }

  private Mono<ServerResponse> edit(ServerRequest request) {
    var server = PathIds.get(request, "serverId", ServerId::parse);
    var channel = PathIds.get(request, "channelId", ChannelId::parse);
    var message = PathIds.get(request, "messageId", MessageId::parse);
    return auth.authenticate(request)
        .zipWith(
            JsonBodies.read(
                request, ServerRoutes.PostMessageRequest.class, ServerRoutes.MAX_BODY_BYTES))
        .flatMap(
            both -> {
              var actor = both.getT1().userId();
              var content =
                  Fields.text(both.getT2().content(), "content", 1, ServerRoutes.MAX_CONTENT);
              var id = CommandIds.of(request, actor);
              return commands
                  .submit(id, actor, new EditMessage(server, channel, message, content))
                  .flatMap(
                      outcome ->
                          CommandReplies.reply(id, outcome, HttpStatus.OK, ServerViews::edited));
            });
  }

  private Mono<ServerResponse> delete(ServerRequest request) {
    var server = PathIds.get(request, "serverId", ServerId::parse);
    var channel = PathIds.get(request, "channelId", ChannelId::parse);
    var message = PathIds.get(request, "messageId", MessageId::parse);
    return auth.authenticate(request)
        .flatMap(
            caller ->
                commands.noContent(
                    request, caller.userId(), new DeleteMessage(server, channel, message)));
  }

  private Mono<ServerResponse> read(ServerRequest request) {
    var server = PathIds.get(request, "serverId", ServerId::parse);
    var channel = PathIds.get(request, "channelId", ChannelId::parse);
    return auth.authenticate(request)
        .flatMap(
            caller ->
                commands.noContent(request, caller.userId(), new MarkChannelRead(server, channel)));
  }
}
