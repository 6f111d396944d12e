package io.ohkay.edge.db;

import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.pool.ConnectionPoolConfiguration;
import io.r2dbc.postgresql.PostgresqlConnectionConfiguration;
import io.r2dbc.postgresql.PostgresqlConnectionFactory;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.binding.BindMarkersFactory;

/**
 * The edge's read access to PostgreSQL: one {@link DatabaseClient} per database, each over its own
 * small pool, created on first use and closed by {@link #close()}. Pools start empty and drop idle
 * connections, so the many server databases cost nothing while unused.
 */
public final class Databases implements AutoCloseable {

  private static final Duration MAX_IDLE = Duration.ofMinutes(2);
  private static final Duration MAX_ACQUIRE = Duration.ofSeconds(5);
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

  private final Settings settings;
  private final String registryDatabase;
  private final String authDatabase;
  private final Map<String, Pooled> pools = new ConcurrentHashMap<>();
  private volatile boolean closed;

  /**
   * Connection settings shared by every pool.
   *
   * @param maxPoolSize connections at most per database
   */
  public record Settings(
      String host, int port, String username, String password, int maxPoolSize) {}

  public Databases(Settings settings, String registryDatabase, String authDatabase) {
    this.settings = settings;
    this.registryDatabase = registryDatabase;
    this.authDatabase = authDatabase;
  }

  /** The server registry database. */
  public DatabaseClient registry() {
    return of(registryDatabase);
  }

  /** The accounts database (users, profiles, sessions). */
  public DatabaseClient auth() {
    return of(authDatabase);
  }

  /** The database named {@code name} (a name read from the registry, never from a client). */
  public DatabaseClient of(String name) {
    if (closed) {
      throw new IllegalStateException("databases are closed");
    }
    return pools.computeIfAbsent(name, this::open).client();
  }

  /** How many database pools are open. */
  public int openPools() {
    return pools.size();
  }

  @Override
  public void close() {
    closed = true;
    pools.values().forEach(pooled -> pooled.pool().dispose());
    pools.clear();
  }

  private Pooled open(String database) {
    var factory =
        new PostgresqlConnectionFactory(
            PostgresqlConnectionConfiguration.builder()
                .host(settings.host())
                .port(settings.port())
                .username(settings.username())
                .password(settings.password())
                .database(database)
                .applicationName("ohkay-realtime-edge")
                .connectTimeout(CONNECT_TIMEOUT)
                .build());
    var pool =
        new ConnectionPool(
            ConnectionPoolConfiguration.builder(factory)
                .name("edge-" + database)
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
