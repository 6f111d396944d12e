package io.ohkay.command.server;

import io.ohkay.command.web.BearerAuth;
import io.ohkay.command.web.CommandIds;
import io.ohkay.command.web.CommandReplies;
import io.ohkay.command.web.Fields;
import io.ohkay.command.web.JsonBodies;
import io.ohkay.command.web.PathIds;
import io.ohkay.command.web.Problems;
import io.ohkay.schemas.command.AssignRole;
import io.ohkay.schemas.command.CreateRole;
import io.ohkay.schemas.command.DeleteRole;
import io.ohkay.schemas.command.UnassignRole;
import io.ohkay.schemas.command.UpdateRole;
import io.ohkay.schemas.event.RoleCreated;
import io.ohkay.schemas.event.RoleUpdated;
import io.ohkay.schemas.id.RoleId;
import io.ohkay.schemas.id.ServerId;
import io.ohkay.schemas.id.UserId;
import io.ohkay.schemas.outcome.CommandOutcome;
import io.ohkay.schemas.permission.Permission;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * Role writes: {@code POST /api/servers/{id}/roles} {@code {name, permissions}} (201), {@code PATCH
 * .../roles/{roleId}} {@code {name?, permissions?}} (200), {@code DELETE .../roles/{roleId}} (204),
 * and {@code PUT|DELETE .../members/{userId}/roles/{roleId}} to assign or unassign (204). A role is
 * answered as {@code {"id","name","permissions"}}.
 */
public final class RoleRoutes {

  private static final int MAX_BODY_BYTES = 4 * 1024;
  static final int MAX_NAME = 100;

  private final ServerCommands commands;
  private final BearerAuth auth;

  public RoleRoutes(ServerCommands commands, BearerAuth auth) {
    this.commands = commands;
    this.auth = auth;
  }

  public RouterFunction<ServerResponse> routes() {
    return RouterFunctions.route()
        .POST("/api/servers/{serverId}/roles", this::create)
        .PATCH("/api/servers/{serverId}/roles/{roleId}", this::update)
        .DELETE("/api/servers/{serverId}/roles/{roleId}", this::delete)
        .PUT("/api/servers/{serverId}/members/{userId}/roles/{roleId}", this::assign)
        .DELETE("/api/servers/{serverId}/members/{userId}/roles/{roleId}", this::unassign)
        .filter(Problems.filter())
        .build();
  }

  record RoleRequest(@Nullable String name, @Nullable List<@Nullable String> permissions) {}

  private Mono<ServerResponse> create(ServerRequest request) {
    var server = PathIds.get(request, "serverId", ServerId::parse);
    return auth.authenticate(request)
        .zipWith(JsonBodies.read(request, RoleRequest.class, MAX_BODY_BYTES))
        .flatMap(
            both -> {
              var actor = both.getT1().userId();
              var body = both.getT2();
              var name = Fields.text(body.name(), "name", 1, MAX_NAME);
              var permissions = PermissionFields.parse(body.permissions(), "permissions");
              var id = CommandIds.of(request, actor);
              var role = new RoleId(derived(id.value(), "role"));
              return commands
                  .submit(id, actor, new CreateRole(server, role, name, permissions))
                  .flatMap(
                      outcome ->
                          CommandReplies.reply(id, outcome, HttpStatus.CREATED, RoleRoutes::role));
            });
  }

  private Mono<ServerResponse> update(ServerRequest request) {
    var server = PathIds.get(request, "serverId", ServerId::parse);
    var role = PathIds.get(request, "roleId", RoleId::parse);
    return auth.authenticate(request)
        .zipWith(JsonBodies.read(request, RoleRequest.class, MAX_BODY_BYTES))
        .flatMap(
            both -> {
              var actor = both.getT1().userId();
              var body = both.getT2();
              if (body.name() == null && body.permissions() == null) {
                throw Fields.invalid("Give a name, permissions or both.");
              }
              var name = body.name() == null ? null : Fields.text(body.name(), "name", 1, MAX_NAME);
              @Nullable List<Permission> permissions =
                  body.permissions() == null
                      ? null
                      : PermissionFields.parse(body.permissions(), "permissions");
              var id = CommandIds.of(request, actor);
              return commands
                  .submit(id, actor, new UpdateRole(server, role, name, permissions))
                  .flatMap(
                      outcome ->
                          CommandReplies.reply(id, outcome, HttpStatus.OK, RoleRoutes::role));
            });
  }

  private Mono<ServerResponse> delete(ServerRequest request) {
    var server = PathIds.get(request, "serverId", ServerId::parse);
    var role = PathIds.get(request, "roleId", RoleId::parse);
    return auth.authenticate(request)
        .flatMap(
            caller -> commands.noContent(request, caller.userId(), new DeleteRole(server, role)));
  }

  private Mono<ServerResponse> assign(ServerRequest request) {
    var server = PathIds.get(request, "serverId", ServerId::parse);
    var member = PathIds.get(request, "userId", UserId::parse);
    var role = PathIds.get(request, "roleId", RoleId::parse);
    return auth.authenticate(request)
        .flatMap(
            caller ->
                commands.noContent(request, caller.userId(), new AssignRole(server, member, role)));
  }

  private Mono<ServerResponse> unassign(ServerRequest request) {
    var server = PathIds.get(request, "serverId", ServerId::parse);
    var member = PathIds.get(request, "userId", UserId::parse);
    var role = PathIds.get(request, "roleId", RoleId::parse);
    return auth.authenticate(request)
        .flatMap(
            caller ->
                commands.noContent(
                    request, caller.userId(), new UnassignRole(server, member, role)));
  }

  /** The role as the accepted outcome's first event leaves it. */
  static Map<String, Object> role(CommandOutcome outcome) {
    var body = new LinkedHashMap<String, Object>();
    switch (outcome.events().getFirst().payload()) {
      case RoleCreated created -> {
        body.put("id", created.roleId());
        body.put("name", created.name());
        body.put("permissions", created.permissions());
      }
      case RoleUpdated updated -> {
        body.put("id", updated.roleId());
        body.put("name", updated.name());
        body.put("permissions", updated.permissions());
      }
      default -> throw new IllegalStateException("not a role outcome");
    }
    return body;
  }

  /** Ids created by a command derive from its id, so a retry names the same role. */
  private static UUID derived(UUID commandId, String what) {
    return UUID.nameUUIDFromBytes((commandId + "#" + what).getBytes(StandardCharsets.UTF_8));
  }
}
