package io.ohkay.edge.server;

import io.ohkay.edge.access.AccessReader;
import io.ohkay.edge.db.Databases;
import io.ohkay.edge.db.ServerPlacement;
import io.ohkay.edge.position.Freshness;
import io.ohkay.edge.position.PositionWait;
import io.ohkay.edge.web.ProblemException;
import io.ohkay.schemas.error.ErrorCode;
import io.ohkay.schemas.id.ServerId;
import io.ohkay.schemas.id.UserId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The registry as the edge reads it: which servers a user is a member of, and where each server's
 * database is. Membership is the authorization of every server query and stream; a deleted server
 * has no members and is found by nobody.
 */
public final class ServerDirectory {

  private static final String SERVER_BY_ID =
      "select id, name, owner_id, description from servers"
          + " where id = :server and deleted_at is null";

  private static final String SERVERS_OF_USER =
      """
      select s.id, s.name, s.owner_id, s.description
      from server_members m join servers s on s.id = m.server_id
      where m.user_id = :user and s.deleted_at is null
      order by s.created_at, s.id""";

  private static final String SERVERS_OF_USERS =
      """
      select m.user_id, m.server_id
      from server_members m join servers s on s.id = m.server_id
      where m.user_id = any(:users) and s.deleted_at is null""";

  private static final String MEMBER_ROWS_OF_USER =
      "select server_id from server_members where user_id = :user";

  private static final String PLACEMENT_FOR_MEMBER =
      "select "
          + ServerPlacement.COLUMNS
          + ", owner_id from server_members m join servers s on s.id = m.server_id"
          + " where m.server_id = :server and m.user_id = :user and s.deleted_at is null";

  private static final String MEMBERS =
      """
      select m.user_id, m.joined_at from server_members m
      where m.server_id = :server
      order by m.joined_at, m.user_id""";

  private static final String MEMBER_COUNT_FOR_MEMBER =
      """
      select s.member_count
      from server_members m join servers s on s.id = m.server_id
      where m.server_id = :server and m.user_id = :user and s.deleted_at is null""";

  private static final String MESSAGES_PER_DAY =
      """
      select day, messages from server_stats
      where server_id = :server and day > current_date - :days
      order by day""";

  private final Databases databases;
  private final AccessReader accessReader;

  public ServerDirectory(Databases databases, AccessReader accessReader) {
    this.databases = databases;
    this.accessReader = accessReader;
  }

  /** The ids of the servers {@code user} is a member of. */
  public Flux<UUID> serverIdsOf(UserId user) {
    return serversOf(user).map(ServerView::id);
  }

  /** The ids of the servers each of {@code users} is a member of, by user; none: left out. */
  public Mono<Map<UUID, List<UUID>>> serverIdsOfEach(Collection<UserId> users) {
    return Databases.byUser(databases.registry(), SERVERS_OF_USERS, users, "server_id");
  }

  /**
   * The ids of the servers whose member rows name {@code user}, deleted servers included (a
   * deletion keeps its server's rows; a leave removes the leaver's).
   */
  public Flux<UUID> memberRowsOf(UserId user) {
    return databases
        .registry()
        .sql(MEMBER_ROWS_OF_USER)
        .bind("user", user.value())
        .map(row -> row.get("server_id", UUID.class))
        .all();
  }

  /**
   * A member's access to {@code server}, after waiting for the request's position in the registry
   * (so a join or a leave the client wrote is seen) and then in the server's database, with the
   * server's permissions as that database holds them. {@code SERVER_NOT_FOUND} when the server does
   * not exist, is deleted or the user is not a member: a non-member never learns whether it exists.
   */
  public Mono<ServerAccess> open(UserId user, ServerId server, PositionWait wait) {
    return wait.in(databases.registry())
        .flatMap(
            registryFreshness ->
                placementOf(user, server)
                    .switchIfEmpty(Mono.error(ServerDirectory::notFound))
                    .flatMap(
                        placement -> access(user, server, placement, wait, registryFreshness)));
  }

  /**
   * The members of {@code server} by join time with their roles, as {@code user} (a member) sees
   * them once the registry and the server's database applied the request's position; {@code
   * SERVER_NOT_FOUND} for a non-member.
   */
  Mono<Members> membersOf(UserId user, ServerId server, PositionWait wait) {
    return open(user, server, wait)
        .flatMap(
            access ->
                members(server)
                    .map(member -> withRoles(member, access))
                    .collectList()
                    .map(members -> new Members(members, access.freshness())));
  }

  /** The member count and daily messages of {@code server}; {@code SERVER_NOT_FOUND} for others. */
  Mono<Stats> statsOf(UserId user, ServerId server, PositionWait wait) {
    var registry = databases.registry();
    return wait.in(registry)
        .flatMap(
            freshness ->
                registry
                    .sql(MEMBER_COUNT_FOR_MEMBER)
                    .bind("server", server.value())
                    .bind("user", user.value())
                    .map(row -> row.get("member_count", Integer.class))
                    .one()
                    .switchIfEmpty(Mono.error(ServerDirectory::notFound))
                    .zipWith(messagesPerDay(server), ServerStats::new)
                    .map(stats -> new Stats(stats, freshness)));
  }

  /**
   * {@code server} as {@code user} (a member) sees it, with what they may do in it, once the
   * request's position is applied; {@code SERVER_NOT_FOUND} for a non-member.
   */
  Mono<Server> serverOf(UserId user, ServerId server, PositionWait wait) {
    return open(user, server, wait)
        .flatMap(
            access ->
                databases
                    .registry()
                    .sql(SERVER_BY_ID)
                    .bind("server", server.value())
                    .map(
                        row ->
                            new ServerView(
                                row.get("id", UUID.class),
                                row.get("name", String.class),
                                row.get("owner_id", UUID.class),
                                row.get("description", String.class)))
                    .one()
                    .switchIfEmpty(Mono.error(ServerDirectory::notFound))
                    .map(view -> new Server(view, access)));
  }

  /** One server and the reader's access to it. */
  record Server(ServerView view, ServerAccess access) {}

  /** A server's members as one read saw them. */
  record Members(List<MemberView> members, Freshness freshness) {}

  /** A server's statistics as one registry read saw them. */
  record Stats(ServerStats stats, Freshness freshness) {}

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
                    row.get("owner_id", UUID.class),
                    row.get("description", String.class)))
        .all();
  }

  private record Placement(ServerPlacement where, UUID ownerId) {}

  private Mono<Placement> placementOf(UserId user, ServerId server) {
    return databases
        .registry()
        .sql(PLACEMENT_FOR_MEMBER)
        .bind("server", server.value())
        .bind("user", user.value())
        .map(
            row ->
                new Placement(
                    ServerPlacement.of(server.value(), row), row.get("owner_id", UUID.class)))
        .one();
  }

  private Flux<MemberView> members(ServerId server) {
    return databases
        .registry()
        .sql(MEMBERS)
        .bind("server", server.value())
        .map(
            row ->
                new MemberView(
                    row.get("user_id", UUID.class), row.get("joined_at", Instant.class), List.of()))
        .all();
  }

  private static MemberView withRoles(MemberView member, ServerAccess access) {
    var roles =
        access.access().model().rolesOf(member.userId()).stream()
            .sorted(Comparator.comparing(UUID::toString))
            .toList();
    return new MemberView(member.userId(), member.joinedAt(), roles);
  }

  private Mono<List<ServerStats.Day>> messagesPerDay(ServerId server) {
    return databases
        .registry()
        .sql(MESSAGES_PER_DAY)
        .bind("server", server.value())
        .bind("days", ServerStats.DAYS)
        .map(
            row ->
                new ServerStats.Day(
                    row.get("day", LocalDate.class), row.get("messages", Long.class)))
        .all()
        .collectList();
  }

  private Mono<ServerAccess> access(
      UserId user,
      ServerId server,
      Placement placement,
      PositionWait wait,
      Freshness registryFreshness) {
    var database = databases.server(placement.where());
    return wait.in(database)
        .flatMap(
            freshness ->
                accessReader
                    .load(server.value(), placement.ownerId(), database)
                    .map(
                        snapshot ->
                            new ServerAccess(
                                server,
                                user,
                                database,
                                snapshot,
                                registryFreshness.and(freshness))));
  }

  private static ProblemException notFound() {
    return new ProblemException(ErrorCode.SERVER_NOT_FOUND, "No such server.");
  }
}
