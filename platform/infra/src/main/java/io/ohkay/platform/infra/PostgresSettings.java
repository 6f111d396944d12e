package io.ohkay.platform.infra;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.time.Duration;

/**
 * How the embedded PostgreSQL runs: on 127.0.0.1 only (no Unix socket), {@code wal_level=logical}
 * with room for replication slots, locale C; durable for the platform, fast for throw-away tests.
 */
enum PostgresSettings {
  /** PostgreSQL's defaults: every commit is on disk when it returns. */
  DURABLE,
  /**
   * No {@code fsync}: a test cluster in a temporary directory gains speed (CREATE DATABASE above
   * all) and loses nothing, as it is deleted when the JVM exits.
   */
  FAST;

  static final String HOST = "127.0.0.1";

  EmbeddedPostgres.Builder builder(Path pgData, int port, Path log) {
    ProcessBuilder.Redirect toLog = ProcessBuilder.Redirect.appendTo(log.toFile());
    EmbeddedPostgres.Builder builder =
        EmbeddedPostgres.builder()
            .setDataDirectory(pgData)
            .setCleanDataDirectory(false)
            .setPort(port)
            .setLocaleConfig("locale", "C")
            .setServerConfig("listen_addresses", HOST)
            .setServerConfig("unix_socket_directories", "''")
            .setServerConfig("wal_level", "logical")
            .setServerConfig("max_connections", "300")
            .setServerConfig("max_wal_senders", "10")
            .setServerConfig("max_replication_slots", "10")
            .setOutputRedirector(toLog)
            .setErrorRedirector(toLog)
            .setPGStartupWait(Duration.ofSeconds(60));
    return durability(builder);
  }

  private EmbeddedPostgres.Builder durability(EmbeddedPostgres.Builder builder) {
    return switch (this) {
      case DURABLE -> builder.setServerConfig("synchronous_commit", "on");
      case FAST ->
          builder
              .setServerConfig("fsync", "off")
              .setServerConfig("synchronous_commit", "off")
              .setServerConfig("full_page_writes", "off");
    };
  }
}
