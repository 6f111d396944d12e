package io.ohkay.edge.server;

import io.ohkay.edge.db.Databases;
import io.ohkay.edge.position.PositionWait;
import io.ohkay.edge.web.ProblemException;
import io.ohkay.schemas.error.ErrorCode;
import io.ohkay.schemas.id.ServerId;
import io.ohkay.schemas.id.UserId;
import java.util.UUID;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The registry as the edge reads it: which servers a user is a member of, and where each server's
 * database is. Membership is the authorization of every server query and stream.
 */
public final class ServerDirectory {

  private static final String SERVERS_OF_USER =
      """
      select s.id, s.name, s.owner_id
      from server_members m join servers s on s.id = m.server_id
      where m.user_id = :user
      order by s.created_at, s.id""";

  private static final String DATABASE_OF_MEMBER =
      """
      select s.database_name
      from server_members m join servers s on s.id = m.server_id
      where m.server_id = :server and m.user_id = :user""";

  private final Databases databases;

  public ServerDirectory(Databases databases) {
    this.databases = databases;
  }

  /** The ids of the servers {@code user} is a member of. */
  public Flux<UUID> serverIdsOf(UserId user) {
    return serversOf(user).map(ServerView::id);
  }

  /**
   * A member's access to {@code server}, after waiting for the request's position in the server's
   * database. {@code SERVER_NOT_FOUND} when the server does not exist or the user is not a member:
   * a non-member never learns whether it exists. A membership the registry has not applied yet is
   * waited for too when the request names a position.
   */
  public Mono<ServerAccess> open(UserId user, ServerId server, PositionWait wait) {
    return databaseOf(user, server)
        .switchIfEmpty(Mono.defer(() -> afterRegistryCaughtUp(user, server, wait)))
        .switchIfEmpty(
            Mono.error(() -> new ProblemException(ErrorCode.SERVER_NOT_FOUND, "No such server.")))
        .flatMap(name -> access(server, name, wait));
  }

  Flux<ServerView> serversOf(UserId user) {
    return databases
        .registry()
        .sql(SERVERS_OF_USER)
        .bind("user", user.value())
        .map(
            row ->
                new ServerView(
                    row.get("id", UUID.class),
                    row.get("name", String.class),
                    row.get("owner_id", UUID.class)))
        .all();
  }

  private Mono<String> databaseOf(UserId user, ServerId server) {
    return databases
        .registry()
        .sql(DATABASE_OF_MEMBER)
        .bind("server", server.value())
        .bind("user", user.value())
        .map(row -> row.get("database_name", String.class))
        .one();
  }

  private Mono<String> afterRegistryCaughtUp(UserId user, ServerId server, PositionWait wait) {
    if (wait.position().isEmpty()) {
      return Mono.empty();
    }
    return wait.in(databases.registry()).then(databaseOf(user, server));
  }

  private Mono<ServerAccess> access(ServerId server, String databaseName, PositionWait wait) {
    var database = databases.of(databaseName);
    return wait.in(database).map(freshness -> new ServerAccess(server, database, freshness));
  }
}
