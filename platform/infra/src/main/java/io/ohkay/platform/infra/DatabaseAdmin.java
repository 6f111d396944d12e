package io.ohkay.platform.infra;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Pattern;

/**
 * Creating and dropping databases as the superuser, on the {@code postgres} maintenance database.
 * Names are validated, then quoted: no SQL ever comes from a caller.
 */
final class DatabaseAdmin {

  private static final Pattern DATABASE_NAME = Pattern.compile("^[a-z0-9_]{1,63}$");
  private static final String DUPLICATE_DATABASE = "42P04";

  /** A connection to the {@code postgres} maintenance database. */
  interface Maintenance {
    Connection connect() throws SQLException;
  }

  private final Maintenance maintenance;

  DatabaseAdmin(Maintenance maintenance) {
    this.maintenance = maintenance;
  }

  void createIfAbsent(String name) {
    String quoted = quote(name);
    try (Connection connection = maintenance.connect()) {
      if (!exists(connection, name)) {
        try (Statement statement = connection.createStatement()) {
          statement.execute("CREATE DATABASE " + quoted);
        }
      }
    } catch (SQLException e) {
      if (!DUPLICATE_DATABASE.equals(e.getSQLState())) { // else created concurrently: fine
        throw new IllegalStateException("Cannot create database " + name, e);
      }
    }
  }

  void dropIfExists(String name) {
    String quoted = quote(name);
    try (Connection connection = maintenance.connect();
        Statement statement = connection.createStatement()) {
      statement.execute("DROP DATABASE IF EXISTS " + quoted + " WITH (FORCE)");
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot drop database " + name, e);
    }
  }

  private static boolean exists(Connection connection, String name) throws SQLException {
    try (PreparedStatement query =
        connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
      query.setString(1, name);
      try (ResultSet rows = query.executeQuery()) {
        return rows.next();
      }
    }
  }

  static String quote(String name) {
    if (!DATABASE_NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("Not a database name (^[a-z0-9_]{1,63}$): '" + name + "'");
    }
    return "\"" + name + "\"";
  }
}
