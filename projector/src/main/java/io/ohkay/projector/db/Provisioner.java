package io.ohkay.projector.db;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates databases that do not exist yet and migrates them to the current schema of their kind;
 * drops those of deleted servers.
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
    checkName(name);
    try (var connection = connectToMaintenance()) {
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

  /**
   * Drops {@code name} if it exists, closing whatever connections it still has (a projector that
   * has not seen the deletion yet, a reader).
   */
  void dropIfExists(String name) throws SQLException {
    checkName(name);
    try (var connection = connectToMaintenance();
        var drop = connection.createStatement()) {
      drop.execute("DROP DATABASE IF EXISTS \"" + name + "\" WITH (FORCE)");
      LOG.info("Dropped database {}", name);
    }
  }

  /** The existing databases whose names start with {@code prefix}. */
  List<String> existing(String prefix) throws SQLException {
    try (var connection = connectToMaintenance();
        var select =
            connection.prepareStatement(
                "SELECT datname FROM pg_database WHERE starts_with(datname, ?) ORDER BY 1")) {
      select.setString(1, prefix);
      var names = new ArrayList<String>();
      try (var rows = select.executeQuery()) {
        while (rows.next()) {
          names.add(rows.getString(1));
        }
      }
      return names;
    }
  }

  private Connection connectToMaintenance() throws SQLException {
    return DriverManager.getConnection(
        endpoint.jdbcUrl("postgres"), endpoint.username(), endpoint.password());
  }

  private static void checkName(String name) {
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("not a database name: " + name);
    }
  }

  private static void create(Connection connection, String name) throws SQLException {
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
