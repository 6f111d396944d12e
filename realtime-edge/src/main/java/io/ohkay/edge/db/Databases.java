package io.ohkay.edge.db;

import io.ohkay.edge.web.ProblemException;
import io.ohkay.schemas.error.ErrorCode;
import io.ohkay.schemas.id.ServerId;
import io.ohkay.schemas.id.UserId;
import io.ohkay.schemas.placement.ServerCredentials;
import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.pool.ConnectionPoolConfiguration;
import io.r2dbc.postgresql.PostgresqlConnectionConfiguration;
import io.r2dbc.postgresql.PostgresqlConnectionFactory;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.binding.BindMarkersFactory;
import reactor.core.publisher.Mono;

/**
 * The edge's read access to PostgreSQL: one {@link DatabaseClient} per database, each over its own
 * small pool, created on first use and closed by {@link #close()}. Pools start empty and drop idle
 * connections, so the many server databases cost nothing while unused. A server database is opened
 * on its cluster as its own role, with the password its registry row holds sealed; that password
 * lives only in the server's pool.
 */
public final class Databases implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(Databases.class);
  private static final Duration MAX_IDLE = Duration.ofMinutes(2);
  private static final Duration MAX_ACQUIRE = Duration.ofSeconds(5);
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

  private final Settings settings;
  private final Map<String, Cluster> clusters = new LinkedHashMap<>();
  private final Supplier<ServerCredentials> credentials;
  private final String registryDatabase;
  private final String authDatabase;
  private final String dmsDatabase;
  private final Map<String, Pooled> shared = new ConcurrentHashMap<>();
  private final Map<UUID, Pooled> servers = new ConcurrentHashMap<>();
  private volatile boolean closed;

  /**
   * Connection settings of the registry, accounts and direct-messages databases, and the size of
   * every pool.
   *
   * @param maxPoolSize connections at most per database
   */
  public record Settings(String host, int port, String username, String password, int maxPoolSize) {

    @Override
    public String toString() {
      return "Settings[host=" + host + ", port=" + port + ", username=" + username + "]";
    }
  }

  /**
   * A cluster of server databases and its administrative login (for legacy rows without a role).
   */
  public record Cluster(String name, String host, int port, String username, String password) {

    @Override
    public String toString() {
      return "Cluster[name=" + name + ", host=" + host + ", port=" + port + "]";
    }
  }

  /** A login to one database. */
  private record Login(String host, int port, String username, String password, String database) {

    @Override
    public String toString() {
      return "Login[" + username + "@" + host + ":" + port + "/" + database + "]";
    }
  }

  public Databases(
      Settings settings,
      List<Cluster> clusters,
      Supplier<ServerCredentials> credentials,
      String registryDatabase,
      String authDatabase,
      String dmsDatabase) {
    this.settings = settings;
    clusters.forEach(cluster -> this.clusters.put(cluster.name(), cluster));
    this.credentials = credentials;
    this.registryDatabase = registryDatabase;
    this.authDatabase = authDatabase;
    this.dmsDatabase = dmsDatabase;
  }

  /**
   * The rows of {@code query} on {@code database} for {@code users} (bound as {@code :users}) by
   * their {@code user_id}: each user to every {@code value} of their rows, in the rows' order; a
   * user without rows is left out.
   */
  public static Mono<Map<UUID, List<UUID>>> byUser(
      DatabaseClient database, String query, Collection<UserId> users, String value) {
    return database
        .sql(query)
        .bind("users", users.stream().map(UserId::value).toArray(UUID[]::new))
        .map(row -> Map.entry(row.get("user_id", UUID.class), row.get(value, UUID.class)))
        .all()
        .collect(
            Collectors.groupingBy(
                Map.Entry::getKey, Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
  }

  /** The server registry database. */
  public DatabaseClient registry() {
    return shared(registryDatabase);
  }

  /** The accounts database (users, profiles, sessions). */
  public DatabaseClient auth() {
    return shared(authDatabase);
  }

  /** The direct-messages database (conversations, their messages, read states, blocks). */
  public DatabaseClient dms() {
    return shared(dmsDatabase);
  }

  /**
   * The database of the server {@code placement} describes (a registry row, never client input).
   *
   * @throws ProblemException {@code UNAVAILABLE} when its cluster is not configured here
   */
  public DatabaseClient server(ServerPlacement placement) {
    requireOpen();
    return servers.computeIfAbsent(placement.serverId(), id -> open(login(placement))).client();
  }

  /** How many database pools are open. */
  public int openPools() {
    return shared.size() + servers.size();
  }

  @Override
  public void close() {
    closed = true;
    shared.values().forEach(pooled -> pooled.pool().dispose());
    servers.values().forEach(pooled -> pooled.pool().dispose());
    shared.clear();
    servers.clear();
  }

  private DatabaseClient shared(String database) {
    requireOpen();
    return shared
        .computeIfAbsent(
            database,
            name ->
                open(
                    new Login(
                        settings.host(),
                        settings.port(),
                        settings.username(),
                        settings.password(),
                        name)))
        .client();
  }

  private void requireOpen() {
    if (closed) {
      throw new IllegalStateException("databases are closed");
    }
  }

  private Login login(ServerPlacement placement) {
    var cluster = clusters.get(placement.cluster());
    if (cluster == null) {
      log.warn(
          "Server {} is on cluster '{}', which is not configured (configured: {})",
          placement.serverId(),
          placement.cluster(),
          clusters.keySet());
      throw new ProblemException(
          ErrorCode.UNAVAILABLE, "This server's database cluster is not reachable; retry later.");
    }
    var role = placement.role();
    var sealed = placement.sealedPassword();
    if (role == null || sealed == null) {
      return new Login(
          cluster.host(),
          cluster.port(),
          cluster.username(),
          cluster.password(),
          placement.database());
    }
    var boundTo =
        ServerCredentials.boundTo(
            new ServerId(placement.serverId()), cluster.name(), placement.database(), role);
    String password;
    try {
      password = credentials.get().open(sealed, boundTo);
    } catch (IllegalArgumentException e) {
      log.warn(
          "The placement key does not open the password of server {}: is {} the key the projector"
              + " uses?",
          placement.serverId(),
          "ohkay.edge.placement-key-file");
      throw new ProblemException(
          ErrorCode.UNAVAILABLE, "This server's database cannot be opened; retry later.");
    }
    return new Login(cluster.host(), cluster.port(), role, password, placement.database());
  }

  private Pooled open(Login login) {
    var factory =
        new PostgresqlConnectionFactory(
            PostgresqlConnectionConfiguration.builder()
                .host(login.host())
                .port(login.port())
                .username(login.username())
                .password(login.password())
                .database(login.database())
                .applicationName("ohkay-realtime-edge")
                .connectTimeout(CONNECT_TIMEOUT)
                .build());
    var pool =
        new ConnectionPool(
            ConnectionPoolConfiguration.builder(factory)
                .name("edge-" + login.database())
                .initialSize(0)
                .minIdle(0)
                .maxSize(settings.maxPoolSize())
                .maxIdleTime(MAX_IDLE)
                .maxAcquireTime(MAX_ACQUIRE)
                .build());
    var client =
        DatabaseClient.builder()
            .connectionFactory(pool)
            .bindMarkers(BindMarkersFactory.indexed("$", 1))
            .build();
    return new Pooled(pool, client);
  }

  private record Pooled(ConnectionPool pool, DatabaseClient client) {}
}
