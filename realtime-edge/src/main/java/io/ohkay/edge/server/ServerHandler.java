package io.ohkay.edge.server;

import io.ohkay.edge.db.Databases;
import io.ohkay.edge.position.ReadYourWrites;
import io.ohkay.edge.web.Authenticator;
import io.ohkay.edge.web.RequestIds;
import io.ohkay.schemas.id.ServerId;
import io.ohkay.schemas.permission.Permission;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * {@code GET /api/servers}: the servers the caller is a member of, oldest first; {@code GET
 * /api/servers/{serverId}/members}: {@code {"members": [...]}}, earliest joined first, each with
 * its roles; {@code GET /api/servers/{serverId}/stats}: {@link ServerStats}.
 */
final class ServerHandler {

  /** The response body. */
  record ServerList(List<ServerView> servers) {}

  private final Authenticator authenticator;
  private final ServerDirectory directory;
  private final Databases databases;
  private final ReadYourWrites readYourWrites;

  ServerHandler(
      Authenticator authenticator,
      ServerDirectory directory,
      Databases databases,
      ReadYourWrites readYourWrites) {
    this.authenticator = authenticator;
    this.directory = directory;
    this.databases = databases;
    this.readYourWrites = readYourWrites;
  }

  Mono<ServerResponse> list(ServerRequest request) {
    var user = authenticator.require(request).userId();
    var wait = readYourWrites.of(request);
    return wait.in(databases.registry())
        .flatMap(
            freshness ->
                directory
                    .serversOf(user)
                    .collectList()
                    .flatMap(servers -> freshness.ok(new ServerList(servers))));
  }

  /** One server, with the caller's permissions in it (so a client knows which actions to offer). */
  Mono<ServerResponse> get(ServerRequest request) {
    var user = authenticator.require(request).userId();
    var server = new ServerId(RequestIds.path(request, "serverId"));
    return directory
        .serverOf(user, server, readYourWrites.of(request))
        .flatMap(
            found ->
                found
                    .access()
                    .freshness()
                    .ok(
                        new ServerDetails(
                            found.view().id(),
                            found.view().name(),
                            found.view().ownerId(),
                            found.view().description(),
                            found.access().permissions().toList())));
  }

  /** {@code GET /api/servers/{id}}: the server and what the caller may do in it. */
  record ServerDetails(
      UUID id,
      String name,
      UUID ownerId,
      @Nullable String description,
      List<Permission> permissions) {}

  Mono<ServerResponse> members(ServerRequest request) {
    var user = authenticator.require(request).userId();
    var server = new ServerId(RequestIds.path(request, "serverId"));
    return directory
        .membersOf(user, server, readYourWrites.of(request))
        .flatMap(members -> members.freshness().ok(Map.of("members", members.members())));
  }

  Mono<ServerResponse> stats(ServerRequest request) {
    var user = authenticator.require(request).userId();
    var server = new ServerId(RequestIds.path(request, "serverId"));
    return directory
        .statsOf(user, server, readYourWrites.of(request))
        .flatMap(stats -> stats.freshness().ok(stats.stats()));
  }
}
