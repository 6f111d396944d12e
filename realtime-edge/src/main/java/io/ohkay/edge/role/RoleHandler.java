package io.ohkay.edge.role;

import io.ohkay.edge.position.ReadYourWrites;
import io.ohkay.edge.server.ServerAccess;
import io.ohkay.edge.server.ServerDirectory;
import io.ohkay.edge.web.Authenticator;
import io.ohkay.edge.web.RequestIds;
import io.ohkay.schemas.id.ServerId;
import java.util.List;
import java.util.UUID;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * {@code GET /api/servers/{serverId}/roles}: {@code {"roles": [...]}}, the everyone role first,
 * then the others by creation; any member may read them.
 */
final class RoleHandler {

  private static final String ROLES =
      """
      select id, name, permissions from roles
      order by id = :server desc, created_at, id""";

  /** The response body. */
  record RoleList(List<RoleView> roles) {}

  private final Authenticator authenticator;
  private final ServerDirectory directory;
  private final ReadYourWrites readYourWrites;

  RoleHandler(
      Authenticator authenticator, ServerDirectory directory, ReadYourWrites readYourWrites) {
    this.authenticator = authenticator;
    this.directory = directory;
    this.readYourWrites = readYourWrites;
  }

  Mono<ServerResponse> list(ServerRequest request) {
    var user = authenticator.require(request).userId();
    var server = new ServerId(RequestIds.path(request, "serverId"));
    return directory
        .open(user, server, readYourWrites.of(request))
        .flatMap(
            access -> roles(access).flatMap(roles -> access.freshness().ok(new RoleList(roles))));
  }

  private static Mono<List<RoleView>> roles(ServerAccess access) {
    var serverId = access.serverId().value();
    return access
        .database()
        .sql(ROLES)
        .bind("server", serverId)
        .map(
            row -> {
              var id = row.get("id", UUID.class);
              var permissions = row.get("permissions", String[].class);
              return new RoleView(
                  id,
                  row.get("name", String.class),
                  permissions == null ? List.of() : List.of(permissions),
                  serverId.equals(id));
            })
        .all()
        .collectList();
  }
}
