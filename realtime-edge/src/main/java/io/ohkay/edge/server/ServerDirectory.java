package io.ohkay.edge.server;

import io.ohkay.edge.db.Databases;
import io.ohkay.edge.position.Freshness;
import io.ohkay.edge.position.PositionWait;
import io.ohkay.edge.web.ProblemException;
import io.ohkay.schemas.error.ErrorCode;
import io.ohkay.schemas.id.ServerId;
import io.ohkay.schemas.id.UserId;
import java.time.Instant;
import java.util.List;
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

  private static final String MEMBERS_FOR_MEMBER =
      """
      select m.user_id, m.joined_at
      from server_members m
      where m.server_id = :server
        and exists (select 1 from server_members c where c.server_id = :server and c.user_id = :user)
      order by m.joined_at, m.user_id""";

  private final Databases databases;

  public ServerDirectory(Databases databases) {
    this.databases = databases;
  }

  /** The ids of the servers {@code user} is a member of. */
  public Flux<UUID> serverIdsOf(UserId user) {
    return serversOf(user).map(ServerView::id);
  }

  /**
   * A member's access to {@code server}, after waiting for the request's position in the registry
   * (so a join or a leave the client wrote is seen) and then in the server's database. {@code
   * SERVER_NOT_FOUND} when the server does not exist or the user is not a member: a non-member
   * never learns whether it exists.
   */
  public Mono<ServerAccess> open(UserId user, ServerId server, PositionWait wait) {
    return wait.in(databases.registry())
        .flatMap(
            registryFreshness ->
                databaseOf(user, server)
                    .switchIfEmpty(Mono.error(ServerDirectory::notFound))
                    .flatMap(name -> access(server, name, wait, registryFreshness)));
  }

  /**
   * The members of {@code server} by join time, as {@code user} (a member) sees them once the
   * registry applied the request's position; {@code SERVER_NOT_FOUND} for a non-member.
   */
  Mono<Members> membersOf(UserId user, ServerId server, PositionWait wait) {
    return wait.in(databases.registry())
        .flatMap(
            freshness ->
                members(user, server)
                    .collectList()
                    .filter(members -> !members.isEmpty())
                    .switchIfEmpty(Mono.error(ServerDirectory::notFound))
                    .map(members -> new Members(members, freshness)));
  }

  /** A server's members as one registry read saw them. */
  record Members(List<MemberView> members, Freshness freshness) {}

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

  private Flux<MemberView> members(UserId user, ServerId server) {
    return databases
        .registry()
        .sql(MEMBERS_FOR_MEMBER)
        .bind("server", server.value())
        .bind("user", user.value())
        .map(
            row ->
                new MemberView(row.get("user_id", UUID.class), row.get("joined_at", Instant.class)))
        .all();
  }

  private Mono<ServerAccess> access(
      ServerId server, String databaseName, PositionWait wait, Freshness registryFreshness) {
    var database = databases.of(databaseName);
    return wait.in(database)
        .map(freshness -> new ServerAccess(server, database, registryFreshness.and(freshness)));
  }

  private static ProblemException notFound() {
    return new ProblemException(ErrorCode.SERVER_NOT_FOUND, "No such server.");
  }
}
