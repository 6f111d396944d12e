package io.ohkay.command.server;

import io.ohkay.command.web.BearerAuth;
import io.ohkay.command.web.CommandIds;
import io.ohkay.command.web.CommandReplies;
import io.ohkay.command.web.Fields;
import io.ohkay.command.web.JsonBodies;
import io.ohkay.command.web.PathIds;
import io.ohkay.command.web.Problems;
import io.ohkay.schemas.command.CreateServer;
import io.ohkay.schemas.command.DeleteServer;
import io.ohkay.schemas.command.PostMessage;
import io.ohkay.schemas.command.UpdateServer;
import io.ohkay.schemas.id.ChannelId;
import io.ohkay.schemas.id.MessageId;
import io.ohkay.schemas.id.ServerId;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * Write routes of servers: create (201), update its name or description (200), delete it (204, the
 * owner only), and post a message in one of its channels (201).
 */
public final class ServerRoutes {

  static final int MAX_BODY_BYTES = 64 * 1024;
  static final int MAX_CONTENT = 4000;
  static final int MAX_SERVER_NAME = 100;
  static final int MAX_DESCRIPTION = 1000;

  private final ServerCommands commands;
  private final BearerAuth auth;
  private final ClusterPlacement placement;

  public ServerRoutes(ServerCommands commands, BearerAuth auth, ClusterPlacement placement) {
    this.commands = commands;
    this.auth = auth;
    this.placement = placement;
  }

  public RouterFunction<ServerResponse> routes() {
    return RouterFunctions.route()
        .POST("/api/servers", this::createServer)
        .PATCH("/api/servers/{serverId}", this::updateServer)
        .DELETE("/api/servers/{serverId}", this::deleteServer)
        .POST("/api/servers/{serverId}/channels/{channelId}/messages", this::postMessage)
        .filter(Problems.filter())
        .build();
  }

  record CreateServerRequest(@Nullable String name) {}

  record UpdateServerRequest(@Nullable String name, @Nullable String description) {}

  record PostMessageRequest(@Nullable String content) {}

  private Mono<ServerResponse> createServer(ServerRequest request) {
    return auth.authenticate(request)
        .flatMap(
            caller -> {
              var commandId = CommandIds.of(request, caller.userId());
              return JsonBodies.read(request, CreateServerRequest.class, MAX_BODY_BYTES)
                  .map(body -> Fields.text(body.name(), "name", 1, MAX_SERVER_NAME))
                  .flatMap(
                      name ->
                          placement
                              .next()
                              .map(
                                  cluster ->
                                      new CreateServer(
                                          new ServerId(commandId.value()),
                                          name,
                                          generalChannelOf(commandId),
                                          cluster)))
                  .flatMap(create -> commands.submit(commandId, caller.userId(), create))
                  .flatMap(
                      outcome ->
                          CommandReplies.reply(
                              commandId, outcome, HttpStatus.CREATED, ServerViews::created));
            });
  }

  /** {@code {name?, description?}}: a null field is unchanged, an empty description clears it. */
  private Mono<ServerResponse> updateServer(ServerRequest request) {
    var serverId = PathIds.get(request, "serverId", ServerId::parse);
    return auth.authenticate(request)
        .zipWith(JsonBodies.read(request, UpdateServerRequest.class, MAX_BODY_BYTES))
        .flatMap(
            both -> {
              var actor = both.getT1().userId();
              var body = both.getT2();
              if (body.name() == null && body.description() == null) {
                throw Fields.invalid("Give a name, a description or both.");
              }
              var name =
                  body.name() == null ? null : Fields.text(body.name(), "name", 1, MAX_SERVER_NAME);
              var description =
                  body.description() == null
                      ? null
                      : Fields.text(body.description(), "description", 0, MAX_DESCRIPTION);
              var commandId = CommandIds.of(request, actor);
              return commands
                  .submit(commandId, actor, new UpdateServer(serverId, name, description))
                  .flatMap(
                      outcome ->
                          CommandReplies.reply(
                              commandId, outcome, HttpStatus.OK, ServerViews::updated));
            });
  }

  private Mono<ServerResponse> deleteServer(ServerRequest request) {
    var serverId = PathIds.get(request, "serverId", ServerId::parse);
    return auth.authenticate(request)
        .flatMap(
            caller -> commands.noContent(request, caller.userId(), new DeleteServer(serverId)));
  }

  private Mono<ServerResponse> postMessage(ServerRequest request) {
    var serverId = PathIds.get(request, "serverId", ServerId::parse);
    var channelId = PathIds.get(request, "channelId", ChannelId::parse);
    return auth.authenticate(request)
        .flatMap(
            caller -> {
              var commandId = CommandIds.of(request, caller.userId());
              return JsonBodies.read(request, PostMessageRequest.class, MAX_BODY_BYTES)
                  .map(body -> Fields.text(body.content(), "content", 1, MAX_CONTENT))
                  .map(
                      content ->
                          new PostMessage(
                              serverId, channelId, new MessageId(commandId.value()), content))
                  .flatMap(post -> commands.submit(commandId, caller.userId(), post))
                  .flatMap(
                      outcome ->
                          CommandReplies.reply(
                              commandId, outcome, HttpStatus.CREATED, ServerViews::message));
            });
  }

  /**
   * Ids created by a command derive from its id, so a retry (same Idempotency-Key) names the same
   * server and lands on the same partition, where the decider recognizes it.
   */
  private static ChannelId generalChannelOf(io.ohkay.schemas.id.CommandId commandId) {
    var name = commandId + "#general";
    return new ChannelId(
        java.util.UUID.nameUUIDFromBytes(name.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
  }
}
