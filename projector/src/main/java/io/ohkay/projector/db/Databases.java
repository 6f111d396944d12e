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
import org.jspecify.annotations.Nullable;

/**
 * The projected databases one process writes: each is created if absent and migrated the first time
 * it is opened, then reached through its own small pool. The shared databases (auth, registry, DMs)
 * live on the home cluster and are written with its admin login; each server database lives on the
 * cluster its server is placed on, owned by and written with its own login role. Server databases
 * are many, so only the most recently used {@code maxServerPools} keep a pool; the others are
 * closed and reopened on demand.
 */
public final class Databases implements AutoCloseable {

  private static final int SHARED_POOL_SIZE = 3;
  private static final int SERVER_POOL_SIZE = 2;

  private final PostgresEndpoint home;
  private final Provisioner homeProvisioner;
  private final Map<String, PostgresEndpoint> clusters;
  private final Map<String, Provisioner> provisioners = new LinkedHashMap<>();
  private final int maxServerPools;
  private final Set<String> migrated = new HashSet<>();
  private final Map<String, HikariDataSource> shared = new LinkedHashMap<>();
  private final LinkedHashMap<String, HikariDataSource> servers =
      new LinkedHashMap<>(16, 0.75f, true);
  private volatile Map<String, DataSource> snapshot = Map.of();
  private boolean closed;

  /**
   * @param home where the shared databases live, with an admin login
   * @param clusters the clusters server databases are placed on, by name, with their admin logins
   * @param maxServerPools how many server databases keep a pool at once
   */
  public Databases(
      PostgresEndpoint home, Map<String, PostgresEndpoint> clusters, int maxServerPools) {
    this.home = home;
    this.homeProvisioner = new Provisioner(home);
    this.clusters = Collections.unmodifiableMap(new LinkedHashMap<>(clusters));
    this.clusters.forEach((name, endpoint) -> provisioners.put(name, new Provisioner(endpoint)));
    this.maxServerPools = maxServerPools;
  }

  /** Databases on one cluster only, written with its admin login: rebuilds and tests. */
  public Databases(PostgresEndpoint home, int maxServerPools) {
    this(home, Map.of(), maxServerPools);
  }

  /** Where the shared databases live. */
  public PostgresEndpoint endpoint() {
    return home;
  }

  /** The names of the clusters server databases may be placed on, in configuration order. */
  public List<String> clusters() {
    return List.copyOf(clusters.keySet());
  }

  private PostgresEndpoint cluster(String name, String database) {
    var endpoint = clusters.get(name);
    if (endpoint == null) {
      throw new UnknownClusterException(name, database, clusters.keySet());
    }
    return endpoint;
  }

  /**
   * The pool of {@code name} on the home cluster, with its admin login, creating the database if
   * absent and migrating it to the schema of {@code kind} first, once per instance.
   */
  public synchronized DataSource open(String name, DatabaseKind kind) throws SQLException {
    checkOpen();
    var pools = kind == DatabaseKind.SERVER ? servers : shared;
    var pool = pools.get(name);
    if (pool != null) {
      return pool;
    }
    var fresh = !migrated.contains(name);
    if (fresh) {
      homeProvisioner.createIfAbsent(name);
    }
    pool = newPool(home.jdbcUrl(name), name, home.username(), home.password(), kind);
    return register(pools, name, pool, fresh ? kind : null);
  }

  /**
   * The pool of a server's database, logged in as its role on its cluster. The first time per
   * instance the role and database are provisioned (created, or their password and owner set) and
   * the database migrated, as the role.
   *
   * @throws UnknownClusterException if its cluster is not configured
   */
  public synchronized DataSource open(ServerLogin login) throws SQLException {
    checkOpen();
    var pool = servers.get(login.database());
    if (pool != null) {
      return pool;
    }
    var endpoint = cluster(login.cluster(), login.database());
    var password = login.password().get();
    var fresh = !migrated.contains(login.database());
    if (fresh) {
      provisioner(login.cluster(), login.database())
          .provision(login.database(), login.role(), password);
    }
    pool =
        newPool(
            endpoint.jdbcUrl(login.database()),
            login.database(),
            login.role(),
            password,
            DatabaseKind.SERVER);
    return register(servers, login.database(), pool, fresh ? DatabaseKind.SERVER : null);
  }

  private Provisioner provisioner(String cluster, String database) {
    var provisioner = provisioners.get(cluster);
    if (provisioner == null) {
      throw new UnknownClusterException(cluster, database, clusters.keySet());
    }
    return provisioner;
  }

  private DataSource register(
      Map<String, HikariDataSource> pools,
      String name,
      HikariDataSource pool,
      @Nullable DatabaseKind migrateAs) {
    if (migrateAs != null) {
      migrate(pool, migrateAs);
      migrated.add(name);
    }
    pools.put(name, pool);
    evictIdleServerPools();
    takeSnapshot();
    return pool;
  }

  /**
   * Closes the pool of a server's database, if any, then drops the database and its role on their
   * cluster if they exist.
   *
   * @throws UnknownClusterException if the cluster is not configured
   */
  public synchronized void drop(String cluster, String database, String role) throws SQLException {
    var provisioner = provisioner(cluster, database);
    forget(database);
    provisioner.dropIfExists(database, role);
  }

  private void forget(String name) {
    var pool = servers.remove(name);
    if (pool == null) {
      pool = shared.remove(name);
    }
    if (pool != null) {
      pool.close();
      takeSnapshot();
    }
    migrated.remove(name);
  }

  /**
   * The existing databases and roles of {@code cluster} whose names start with {@code prefix}.
   *
   * @throws UnknownClusterException if the cluster is not configured
   */
  public List<String> existing(String cluster, String prefix) throws SQLException {
    return provisioner(cluster, prefix + "*").existing(prefix);
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

  private void checkOpen() throws SQLException {
    if (closed) {
      throw new SQLException("databases are closed", "08003");
    }
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

  private static HikariDataSource newPool(
      String jdbcUrl, String name, String username, String password, DatabaseKind kind) {
    var config = new HikariConfig();
    config.setPoolName("ohkay-projector:" + name);
    config.setJdbcUrl(jdbcUrl);
    config.setUsername(username);
    config.setPassword(password);
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
