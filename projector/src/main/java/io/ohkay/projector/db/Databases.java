package io.ohkay.projector.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;

/**
 * The projected databases one process writes: each is created if absent and migrated the first time
 * it is opened, then reached through its own small pool. Server databases are many, so only the
 * most recently used {@code maxServerPools} keep a pool; the others are closed and reopened on
 * demand.
 */
public final class Databases implements AutoCloseable {

  private static final int SHARED_POOL_SIZE = 3;
  private static final int SERVER_POOL_SIZE = 2;

  private final PostgresEndpoint endpoint;
  private final Provisioner provisioner;
  private final int maxServerPools;
  private final Set<String> migrated = new HashSet<>();
  private final Map<String, HikariDataSource> shared = new LinkedHashMap<>();
  private final LinkedHashMap<String, HikariDataSource> servers =
      new LinkedHashMap<>(16, 0.75f, true);
  private volatile Map<String, DataSource> snapshot = Map.of();
  private boolean closed;

  public Databases(PostgresEndpoint endpoint, int maxServerPools) {
    this.endpoint = endpoint;
    this.provisioner = new Provisioner(endpoint);
    this.maxServerPools = maxServerPools;
  }

  /** Where the databases live. */
  public PostgresEndpoint endpoint() {
    return endpoint;
  }

  /**
   * The pool of {@code name}, creating the database if absent and migrating it to the schema of
   * {@code kind} first, once per instance.
   */
  public synchronized DataSource open(String name, DatabaseKind kind) throws SQLException {
    if (closed) {
      throw new SQLException("databases are closed", "08003");
    }
    var pools = kind == DatabaseKind.SERVER ? servers : shared;
    var pool = pools.get(name);
    if (pool != null) {
      return pool;
    }
    var fresh = !migrated.contains(name);
    if (fresh) {
      provisioner.createIfAbsent(name);
    }
    pool = newPool(name, kind);
    if (fresh) {
      migrate(pool, kind);
      migrated.add(name);
    }
    pools.put(name, pool);
    evictIdleServerPools();
    takeSnapshot();
    return pool;
  }

  /**
   * Closes the pool of {@code name}, if any, and drops the database if it exists. Opening it again
   * would create it anew: callers drop only what is never written again.
   */
  public synchronized void drop(String name) throws SQLException {
    var pool = servers.remove(name);
    if (pool == null) {
      pool = shared.remove(name);
    }
    if (pool != null) {
      pool.close();
      takeSnapshot();
    }
    migrated.remove(name);
    provisioner.dropIfExists(name);
  }

  /** The existing databases whose names start with {@code prefix}. */
  public List<String> existing(String prefix) throws SQLException {
    return provisioner.existing(prefix);
  }

  /**
   * A snapshot of the databases that currently have a pool, by name; does not wait for a database
   * being provisioned.
   */
  public Map<String, DataSource> openPools() {
    return snapshot;
  }

  private void takeSnapshot() {
    var all = new LinkedHashMap<String, DataSource>(shared);
    all.putAll(servers);
    snapshot = Collections.unmodifiableMap(all);
  }

  /** Closes every pool now; connections in use are aborted, their transactions roll back. */
  @Override
  public synchronized void close() {
    closed = true;
    shared.values().forEach(HikariDataSource::close);
    servers.values().forEach(HikariDataSource::close);
    shared.clear();
    servers.clear();
    takeSnapshot();
  }

  private static void migrate(HikariDataSource pool, DatabaseKind kind) {
    try {
      Provisioner.migrate(pool, kind);
    } catch (RuntimeException e) {
      pool.close();
      throw e;
    }
  }

  private void evictIdleServerPools() {
    var eldest = servers.entrySet().iterator();
    while (servers.size() > maxServerPools && eldest.hasNext()) {
      var evicted = eldest.next().getValue();
      eldest.remove();
      evicted.close();
    }
  }

  private HikariDataSource newPool(String name, DatabaseKind kind) {
    var config = new HikariConfig();
    config.setPoolName("ohkay-projector:" + name);
    config.setJdbcUrl(endpoint.jdbcUrl(name));
    config.setUsername(endpoint.username());
    config.setPassword(endpoint.password());
    var server = kind == DatabaseKind.SERVER;
    config.setMaximumPoolSize(server ? SERVER_POOL_SIZE : SHARED_POOL_SIZE);
    config.setMinimumIdle(server ? 0 : 1);
    config.setIdleTimeout(Duration.ofMinutes(1).toMillis());
    config.setConnectionTimeout(Duration.ofSeconds(5).toMillis());
    // Do not fail here when PostgreSQL is down: the first use fails and is retried.
    config.setInitializationFailTimeout(-1);
    return new HikariDataSource(config);
  }
}
