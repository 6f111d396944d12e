package io.ohkay.projector.rebuild;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Reads the shape of a database's tables from the catalog. */
final class Schema {

  private Schema() {}

  /** The compared tables of schema {@code public}: all but Flyway's history tables. */
  static List<String> tables(Connection connection) throws SQLException {
    return strings(
        connection,
        "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'"
            + " AND table_type = 'BASE TABLE' AND table_name NOT LIKE 'flyway%' ORDER BY 1",
        null);
  }

  /** The column names of {@code table}, sorted by name (independent of physical order). */
  static List<String> columns(Connection connection, String table) throws SQLException {
    return strings(
        connection,
        "SELECT column_name FROM information_schema.columns WHERE table_schema = 'public'"
            + " AND table_name = ? ORDER BY 1",
        table);
  }

  /** The primary key columns of {@code table} in key order; empty without a primary key. */
  static List<String> primaryKey(Connection connection, String table) throws SQLException {
    return strings(
        connection,
        "SELECT a.attname FROM pg_index i"
            + " JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY (i.indkey)"
            + " WHERE i.indrelid = ('public.' || quote_ident(?))::regclass AND i.indisprimary"
            + " ORDER BY array_position(i.indkey::int2[], a.attnum)",
        table);
  }

  private static List<String> strings(Connection connection, String sql, @Nullable String parameter)
      throws SQLException {
    try (var statement = connection.prepareStatement(sql)) {
      if (parameter != null) {
        statement.setString(1, parameter);
      }
      var values = new ArrayList<String>();
      try (var rows = statement.executeQuery()) {
        while (rows.next()) {
          values.add(rows.getString(1));
        }
      }
      return values;
    }
  }
}
