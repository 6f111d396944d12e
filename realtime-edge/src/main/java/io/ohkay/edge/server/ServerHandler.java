package io.ohkay.edge.server;

import io.ohkay.edge.db.Databases;
import io.ohkay.edge.position.ReadYourWrites;
import io.ohkay.edge.web.Authenticator;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/** {@code GET /api/servers}: the servers the caller is a member of, oldest first. */
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
                    .flatMap(
                        servers ->
                            freshness
                                .mark(ServerResponse.ok())
                                .contentType(MediaType.APPLICATION_JSON)
                                .bodyValue(new ServerList(servers))));
  }
}
