package io.ohkay.projector.rebuild;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Compares one table present in two databases. */
final class TableComparison {

  /**
   * Columns compared by no checksum, by table: {@code projection_offsets.consumer}, the name of the
   * consumer that wrote a position (a rebuild writes under its own); {@code
   * servers.db_credentials}, sealed with random nonces and data keys, so two seals of one password
   * never have equal text (whether both open to the same password is the rebuild tests' business).
   */
  private static final Map<String, String> IGNORED_COLUMNS =
      Map.of("projection_offsets", "consumer", "servers", "db_credentials");

  private final String table;
  private final Connection left;
  private final Connection right;
  private final String leftName;
  private final String rightName;

  TableComparison(
      String table, Connection left, Connection right, String leftName, String rightName) {
    this.table = table;
    this.left = left;
    this.right = right;
    this.leftName = leftName;
    this.rightName = rightName;
  }

  List<String> differences() throws SQLException {
    var columns = Schema.columns(left, table);
    var rightColumns = Schema.columns(right, table);
    if (!columns.equals(rightColumns)) {
      return List.of("table %s: columns %s vs %s".formatted(table, columns, rightColumns));
    }
    var compared = withoutIgnored(columns);
    var key = withoutIgnored(Schema.primaryKey(left, table));
    var sql = new Queries(table, compared, key.isEmpty() ? compared : key);
    var leftSummary = summary(left, sql.summary());
    var rightSummary = summary(right, sql.summary());
    if (leftSummary.equals(rightSummary)) {
      return List.of();
    }
    var lines = new ArrayList<String>();
    lines.add(
        "table %s: %s in %s, %s in %s"
            .formatted(table, leftSummary, leftName, rightSummary, rightName));
    lines.addAll(rowDifferences(sql));
    return lines;
  }

  private List<String> withoutIgnored(List<String> columns) {
    var ignored = IGNORED_COLUMNS.get(table);
    return ignored == null ? columns : columns.stream().filter(c -> !c.equals(ignored)).toList();
  }

  private static String summary(Connection connection, String sql) throws SQLException {
    try (var statement = connection.prepareStatement(sql);
        var rows = statement.executeQuery()) {
      rows.next();
      return "%d rows (checksum %s)".formatted(rows.getLong(1), rows.getString(2));
    }
  }

  /** Merges both tables in key order and names the first rows that differ. */
  private List<String> rowDifferences(Queries sql) throws SQLException {
    var lines = new ArrayList<String>();
    try (var l = new Cursor(left, sql.rows());
        var r = new Cursor(right, sql.rows())) {
      var hasLeft = l.next();
      var hasRight = r.next();
      while ((hasLeft || hasRight) && lines.size() < DatabaseVerifier.MAX_ROWS_REPORTED) {
        var order = !hasLeft ? 1 : !hasRight ? -1 : l.key().compareTo(r.key());
        if (order < 0) {
          lines.add(row(sql, l.key()) + " only in " + leftName);
          hasLeft = l.next();
        } else if (order > 0) {
          lines.add(row(sql, r.key()) + " only in " + rightName);
          hasRight = r.next();
        } else {
          if (!l.hash().equals(r.hash())) {
            lines.add(row(sql, l.key()) + " differs");
          }
          hasLeft = l.next();
          hasRight = r.next();
        }
      }
    }
    return lines;
  }

  private String row(Queries sql, String key) {
    return "table %s: row (%s)=(%s)".formatted(table, String.join(", ", sql.key()), key);
  }

  /** The two queries over one table; identifiers come from the catalog and are quoted. */
  private record Queries(String table, List<String> columns, List<String> key) {

    String from() {
      return "(SELECT " + quoted(columns, "") + " FROM public." + quote(table) + ") t";
    }

    String summary() {
      return "SELECT count(*), md5(coalesce(string_agg(md5(t::text), '' ORDER BY "
          + quoted(key, "t.")
          + "), '')) FROM "
          + from();
    }

    String rows() {
      var keyText =
          "concat_ws('|', "
              + key.stream().map(k -> "t." + quote(k) + "::text").collect(Collectors.joining(", "))
              + ")";
      // "C" collation orders like String.compareTo, which the merge relies on.
      return "SELECT "
          + keyText
          + ", md5(t::text) FROM "
          + from()
          + " ORDER BY "
          + keyText
          + " COLLATE \"C\"";
    }

    private static String quoted(List<String> names, String qualifier) {
      return names.stream().map(n -> qualifier + quote(n)).collect(Collectors.joining(", "));
    }

    private static String quote(String identifier) {
      return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }
  }

  /** A forward-only cursor over (key, row hash) pairs. */
  private static final class Cursor implements AutoCloseable {
    private final PreparedStatement statement;
    private final ResultSet rows;

    Cursor(Connection connection, String sql) throws SQLException {
      statement = connection.prepareStatement(sql);
      statement.setFetchSize(1_000);
      rows = statement.executeQuery();
    }

    boolean next() throws SQLException {
      return rows.next();
    }

    String key() throws SQLException {
      return rows.getString(1);
    }

    String hash() throws SQLException {
      return rows.getString(2);
    }

    @Override
    public void close() throws SQLException {
      rows.close();
      statement.close();
    }
  }
}
