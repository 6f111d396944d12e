package io.ohkay.bench.history;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.random.RandomGenerator;

/**
 * The filled messages' ids and seqs, oldest first, read once before measuring, so a cursor is drawn
 * without touching the database: a random message with at least a full page before it.
 */
final class Cursors {

  private static final String FILLED =
      "SELECT id, seq FROM messages WHERE channel_id = ? AND seq > ? ORDER BY seq";

  /**
   * A page's cursor and the page expected before it.
   *
   * @param messageId the cursor as the system is given it
   * @param seq the cursor as the baseline is given it
   * @param newest the seq of the page's first (newest) message
   * @param oldest the seq of the page's last (oldest) message
   */
  record Cursor(UUID messageId, long seq, long newest, long oldest) {

    /** Whether {@code pageSeqs}, newest first, are the page expected before this cursor. */
    boolean isPage(List<Long> pageSeqs, int pageSize) {
      return pageSeqs.size() == pageSize
          && pageSeqs.getFirst() == newest
          && pageSeqs.getLast() == oldest;
    }
  }

  private final List<UUID> ids;
  private final long[] seqs;
  private final int pageSize;

  Cursors(List<UUID> ids, long[] seqs, int pageSize) {
    if (ids.size() != seqs.length || ids.size() <= pageSize) {
      throw new IllegalArgumentException(
          "need more than " + pageSize + " messages with one seq each, got " + ids.size());
    }
    this.ids = List.copyOf(ids);
    this.seqs = seqs.clone();
    this.pageSize = pageSize;
  }

  /** The messages of {@code channel} after {@code base}, in seq order. */
  static Cursors load(Connection connection, UUID channel, long base, int messages, int pageSize)
      throws SQLException {
    var ids = new ArrayList<UUID>(messages);
    var seqs = new long[messages];
    try (var select = connection.prepareStatement(FILLED)) {
      select.setFetchSize(10_000);
      select.setObject(1, channel);
      select.setLong(2, base);
      connection.setAutoCommit(false);
      try (var rows = select.executeQuery()) {
        while (rows.next() && ids.size() < messages) {
          seqs[ids.size()] = rows.getLong(2);
          ids.add(rows.getObject(1, UUID.class));
        }
      } finally {
        connection.commit();
        connection.setAutoCommit(true);
      }
    }
    return new Cursors(ids, Arrays.copyOf(seqs, ids.size()), pageSize);
  }

  /** A message drawn uniformly among those with at least {@code pageSize} older ones. */
  Cursor draw(RandomGenerator random) {
    int index = pageSize + random.nextInt(ids.size() - pageSize);
    return new Cursor(ids.get(index), seqs[index], seqs[index - 1], seqs[index - pageSize]);
  }
}
