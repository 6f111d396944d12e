package io.ohkay.command.server;

import io.ohkay.command.web.BearerAuth;
import io.ohkay.command.web.CommandIds;
import io.ohkay.command.web.CommandReplies;
import io.ohkay.command.web.Fields;
import io.ohkay.command.web.JsonBodies;
import io.ohkay.command.web.PathIds;
import io.ohkay.command.web.Problems;
import io.ohkay.schemas.command.CreateChannel;
import io.ohkay.schemas.command.DeleteChannel;
import io.ohkay.schemas.command.MoveChannel;
import io.ohkay.schemas.command.RenameChannel;
import io.ohkay.schemas.event.ChannelCreated;
import io.ohkay.schemas.event.ChannelMoved;
import io.ohkay.schemas.id.ChannelId;
import io.ohkay.schemas.id.CommandId;
import io.ohkay.schemas.id.ServerId;
import io.ohkay.schemas.id.UserId;
import io.ohkay.schemas.outcome.CommandOutcome;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * Channel writes: {@code POST /api/servers/{id}/channels} {@code {name}}, {@code PATCH
 * .../channels/{cid}} {@code {name?, position?}} (a rename, then a move), {@code DELETE
 * .../channels/{cid}} (with its messages).
 */
public final class ChannelRoutes {

  private static final int MAX_BODY_BYTES = 4 * 1024;
  private static final int MAX_NAME = 100;

  private final ServerCommands commands;
  private final BearerAuth auth;

  public ChannelRoutes(ServerCommands commands, BearerAuth auth) {
    this.commands = commands;
    this.auth = auth;
  }

  public RouterFunction<ServerResponse> routes() {
    return RouterFunctions.route()
        .POST("/api/servers/{serverId}/channels", this::create)
        .PATCH("/api/servers/{serverId}/channels/{channelId}", this::update)
        .DELETE("/api/servers/{serverId}/channels/{channelId}", this::delete)
        .filter(Problems.filter())
        .build();
  }

  record ChannelRequest(@Nullable String name, @Nullable Integer position) {}

  private Mono<ServerResponse> create(ServerRequest request) {
    var server = PathIds.get(request, "serverId", ServerId::parse);
    return auth.authenticate(request)
        .zipWith(JsonBodies.read(request, ChannelRequest.class, MAX_BODY_BYTES))
        .flatMap(
            both -> {
              var actor = both.getT1().userId();
              var name = Fields.text(both.getT2().name(), "name", 1, MAX_NAME);
              var id = CommandIds.of(request, actor);
              var channel = new ChannelId(derived(id, "channel"));
              return commands
                  .submit(id, actor, new CreateChannel(server, channel, name))
                  .flatMap(
                      outcome ->
                          CommandReplies.reply(
                              id, outcome, HttpStatus.CREATED, ChannelRoutes::created));
            });
  }

  private static Map<String, Object> created(CommandOutcome outcome) {
    var created = (ChannelCreated) outcome.events().getFirst().payload();
    return view(created.channelId(), created.serverId(), created.name(), created.position());
  }

  private Mono<ServerResponse> update(ServerRequest request) {
    var server = PathIds.get(request, "serverId", ServerId::parse);
    var channel = PathIds.get(request, "channelId", ChannelId::parse);
    return auth.authenticate(request)
        .zipWith(JsonBodies.read(request, ChannelRequest.class, MAX_BODY_BYTES))
        .flatMap(
            both -> {
              var actor = both.getT1().userId();
              var body = both.getT2();
              if (body.name() == null && body.position() == null) {
                throw Fields.invalid("Give a name, a position or both.");
              }
              if (body.position() != null && body.position() < 0) {
                throw Fields.invalid("position must be 0 or more.");
              }
              var name = body.name() == null ? null : Fields.text(body.name(), "name", 1, MAX_NAME);
              var id = CommandIds.of(request, actor);
              var rename =
                  name == null
                      ? Mono.just(Optional.<CommandOutcome>empty())
                      : commands.submit(id, actor, new RenameChannel(server, channel, name));
              return rename.flatMap(
                  renamed ->
                      body.position() == null
                          ? CommandReplies.reply(
                              id,
                              renamed,
                              HttpStatus.OK,
                              o -> Map.of("id", channel, "name", String.valueOf(name)))
                          : moved(
                              id, name, actor, new MoveChannel(server, channel, body.position())));
            });
  }

  private Mono<ServerResponse> moved(
      CommandId renameId, @Nullable String name, UserId actor, MoveChannel move) {
    var id = name == null ? renameId : new CommandId(derived(renameId, "move"));
    return commands
        .submit(id, actor, move)
        .flatMap(
            outcome ->
                CommandReplies.reply(
                    id,
                    outcome,
                    HttpStatus.OK,
                    o -> {
                      var position =
                          o.events().stream()
                              .map(event -> event.payload())
                              .filter(ChannelMoved.class::isInstance)
                              .map(ChannelMoved.class::cast)
                              .filter(m -> m.channelId().equals(move.channelId()))
                              .findFirst()
                              .map(ChannelMoved::position)
                              .orElse(move.position());
                      var body = new LinkedHashMap<String, Object>();
                      body.put("id", move.channelId());
                      body.put("position", position);
                      return body;
                    }));
  }

  private Mono<ServerResponse> delete(ServerRequest request) {
    var server = PathIds.get(request, "serverId", ServerId::parse);
    var channel = PathIds.get(request, "channelId", ChannelId::parse);
    return auth.authenticate(request)
        .flatMap(
            caller -> {
              var id = CommandIds.of(request, caller.userId());
              return commands
                  .submit(id, caller.userId(), new DeleteChannel(server, channel))
                  .flatMap(
                      outcome ->
                          CommandReplies.reply(id, outcome, HttpStatus.NO_CONTENT, o -> Map.of()));
            });
  }

  private static Map<String, Object> view(
      ChannelId id, ServerId server, String name, int position) {
    var body = new LinkedHashMap<String, Object>();
    body.put("id", id);
    body.put("serverId", server);
    body.put("name", name);
    body.put("position", position);
    return body;
  }

  private static UUID derived(CommandId id, String what) {
    return UUID.nameUUIDFromBytes((id + "#" + what).getBytes(StandardCharsets.UTF_8));
  }
}
