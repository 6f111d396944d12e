package io.ohkay.projector.rebuild;

import io.ohkay.projector.db.PostgresEndpoint;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Compares two databases table by table: row counts and a checksum over every row in primary key
 * order, then, for a table that differs, the first differing rows by key. Flyway history tables are
 * skipped (they record when, not what); {@code projection_offsets} is compared without its consumer
 * names, and {@code servers} of a registry without {@code db_credentials}: sealing is randomized,
 * so a rebuilt registry seals the same passwords into different text. Both databases are on one
 * PostgreSQL server (a server database and its rebuild: the live one's cluster).
 */
public final class DatabaseVerifier {

  static final int MAX_ROWS_REPORTED = 10;

  private final PostgresEndpoint postgres;

  public DatabaseVerifier(PostgresEndpoint postgres) {
    this.postgres = postgres;
  }

  /**
   * The differences between {@code left} and {@code right}, one readable line each; empty when
   * equal.
   */
  public List<String> diff(String left, String right) throws SQLException {
    try (var l = connect(left);
        var r = connect(right)) {
      var leftTables = Schema.tables(l);
      var rightTables = Schema.tables(r);
      var lines = new ArrayList<String>();
      for (var table : union(leftTables, rightTables)) {
        if (!rightTables.contains(table)) {
          lines.add("table " + table + ": only in " + left);
        } else if (!leftTables.contains(table)) {
          lines.add("table " + table + ": only in " + right);
        } else {
          lines.addAll(new TableComparison(table, l, r, left, right).differences());
        }
      }
      return lines;
    }
  }

  private Connection connect(String database) throws SQLException {
    Objects.requireNonNull(database, "database");
    var connection =
        DriverManager.getConnection(
            postgres.jdbcUrl(database), postgres.username(), postgres.password());
    // Cursors stream large tables only inside a transaction.
    connection.setAutoCommit(false);
    connection.setReadOnly(true);
    return connection;
  }

  private static TreeSet<String> union(List<String> left, List<String> right) {
    var all = new TreeSet<>(left);
    all.addAll(right);
    return all;
  }
}
