package io.ohkay.command.server;

import io.ohkay.command.web.BearerAuth;
import io.ohkay.command.web.Fields;
import io.ohkay.command.web.JsonBodies;
import io.ohkay.command.web.PathIds;
import io.ohkay.command.web.Problems;
import io.ohkay.schemas.command.RemoveChannelOverwrite;
import io.ohkay.schemas.command.SetChannelOverwrite;
import io.ohkay.schemas.id.ChannelId;
import io.ohkay.schemas.id.Ids;
import io.ohkay.schemas.id.ServerId;
import io.ohkay.schemas.permission.OverwriteTarget;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * Channel overwrite writes: {@code PUT /api/servers/{id}/channels/{cid}/overwrites/{targetId}}
 * {@code {"type":"ROLE"|"MEMBER","allow":[...],"deny":[...]}} sets the target's overwrite, {@code
 * DELETE} the same path removes it; both 204.
 */
public final class OverwriteRoutes {

  private static final int MAX_BODY_BYTES = 4 * 1024;
  private static final String PATH =
      "/api/servers/{serverId}/channels/{channelId}/overwrites/{targetId}";

  private final ServerCommands commands;
  private final BearerAuth auth;

  public OverwriteRoutes(ServerCommands commands, BearerAuth auth) {
    this.commands = commands;
    this.auth = auth;
  }

  public RouterFunction<ServerResponse> routes() {
    return RouterFunctions.route()
        .PUT(PATH, this::set)
        .DELETE(PATH, this::remove)
        .filter(Problems.filter())
        .build();
  }

  record OverwriteRequest(
      @Nullable String type,
      @Nullable List<@Nullable String> allow,
      @Nullable List<@Nullable String> deny) {}

  private Mono<ServerResponse> set(ServerRequest request) {
    var server = PathIds.get(request, "serverId", ServerId::parse);
    var channel = PathIds.get(request, "channelId", ChannelId::parse);
    var target = PathIds.get(request, "targetId", Ids::parseUuid);
    return auth.authenticate(request)
        .zipWith(JsonBodies.read(request, OverwriteRequest.class, MAX_BODY_BYTES))
        .flatMap(
            both -> {
              var body = both.getT2();
              var command =
                  new SetChannelOverwrite(
                      server,
                      channel,
                      targetType(body.type()),
                      target,
                      PermissionFields.parse(body.allow(), "allow"),
                      PermissionFields.parse(body.deny(), "deny"));
              return commands.noContent(request, both.getT1().userId(), command);
            });
  }

  private Mono<ServerResponse> remove(ServerRequest request) {
    var server = PathIds.get(request, "serverId", ServerId::parse);
    var channel = PathIds.get(request, "channelId", ChannelId::parse);
    UUID target = PathIds.get(request, "targetId", Ids::parseUuid);
    return auth.authenticate(request)
        .flatMap(
            caller ->
                commands.noContent(
                    request, caller.userId(), new RemoveChannelOverwrite(server, channel, target)));
  }

  private static OverwriteTarget targetType(@Nullable String type) {
    for (var target : OverwriteTarget.values()) {
      if (target.name().equals(type)) {
        return target;
      }
    }
    throw Fields.invalid("type must be ROLE or MEMBER.");
  }
}
