package io.ohkay.bench.history;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.UUID;

/**
 * Fills one channel with generated messages straight in SQL ({@code generate_series}, chunks of one
 * transaction each, then {@code VACUUM ANALYZE}), not through the projector: the scenario measures
 * reads. Seqs continue after the database's highest one, so they stay unique.
 */
final class ChannelFill {

  private static final int CHUNK = 100_000;

  private static final String HIGHEST_SEQ = "SELECT coalesce(max(seq), 0) FROM messages";
  private static final String FILL =
      "INSERT INTO messages (id, channel_id, author_id, content, created_at, seq)"
          + " SELECT gen_random_uuid(), ?, ?,"
          + " 'history message ' || g || ' of the benchmark, a short chat line',"
          + " timestamptz '2026-01-01 00:00:00+00' + g * interval '1 millisecond', ? + g"
          + " FROM generate_series(?::bigint, ?::bigint) AS g";

  private ChannelFill() {}

  /** Adds {@code messages} messages to {@code channel}; returns the seq before the first. */
  static long fill(Connection connection, UUID channel, int messages) throws SQLException {
    long base = highestSeq(connection);
    connection.setAutoCommit(false);
    try (var insert = connection.prepareStatement(FILL)) {
      for (long from = 1; from <= messages; from += CHUNK) {
        insert.setObject(1, channel);
        insert.setObject(2, UUID.randomUUID());
        insert.setLong(3, base);
        insert.setLong(4, from);
        insert.setLong(5, Math.min(messages, from + CHUNK - 1));
        insert.executeUpdate();
        connection.commit();
      }
    } finally {
      connection.setAutoCommit(true);
    }
    try (var settle = connection.createStatement()) {
      settle.execute("VACUUM ANALYZE messages");
      // The fill's dirty pages are flushed now, not by a checkpoint while pages are measured.
      settle.execute("CHECKPOINT");
    }
    return base;
  }

  private static long highestSeq(Connection connection) throws SQLException {
    try (var select = connection.createStatement();
        var rows = select.executeQuery(HIGHEST_SEQ)) {
      rows.next();
      return rows.getLong(1);
    }
  }
}
