package io.ohkay.projector.db;

import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates databases that do not exist yet and migrates them to the current schema of their kind.
 */
final class Provisioner {

  private static final Logger LOG = LoggerFactory.getLogger(Provisioner.class);
  private static final Pattern NAME = Pattern.compile("[a-z0-9_]{1,63}");
  private static final String DUPLICATE_DATABASE = "42P04";

  private final PostgresEndpoint endpoint;

  Provisioner(PostgresEndpoint endpoint) {
    this.endpoint = endpoint;
  }

  /** Creates {@code name} unless it exists; safe when another process creates it concurrently. */
  void createIfAbsent(String name) throws SQLException {
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("not a database name: " + name);
    }
    try (var connection =
        DriverManager.getConnection(
            endpoint.jdbcUrl("postgres"), endpoint.username(), endpoint.password())) {
      try (var exists =
          connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
        exists.setString(1, name);
        try (var rows = exists.executeQuery()) {
          if (rows.next()) {
            return;
          }
        }
      }
      create(connection, name);
    }
  }

  private static void create(java.sql.Connection connection, String name) throws SQLException {
    try (var create = connection.createStatement()) {
      create.execute("CREATE DATABASE \"" + name + "\"");
      LOG.info("Created database {}", name);
    } catch (SQLException e) {
      if (!DUPLICATE_DATABASE.equals(e.getSQLState())) {
        throw e;
      }
    }
  }

  /** Applies the pending migrations of {@code kind}. */
  static void migrate(DataSource dataSource, DatabaseKind kind) {
    Flyway.configure(Provisioner.class.getClassLoader())
        .dataSource(dataSource)
        .locations("classpath:" + kind.migrations())
        .table(kind.historyTable())
        .load()
        .migrate();
  }
}
