package io.ohkay.bench.history;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The baseline: the minimal indexed query over plain JDBC on one connection, prepared once, given
 * the cursor's seq; every column of every row is read.
 */
final class SqlPages implements PageReader<List<Long>> {

  private static final String PAGE =
      "SELECT id, channel_id, author_id, content, created_at, seq, edited_at, deleted_at"
          + " FROM messages WHERE channel_id = ? AND seq < ? ORDER BY seq DESC LIMIT ?";

  private final Connection connection;
  private final PreparedStatement select;
  private final UUID channel;
  private final int pageSize;

  SqlPages(Connection connection, UUID channel, int pageSize) throws SQLException {
    this.connection = connection;
    this.select = connection.prepareStatement(PAGE);
    this.channel = channel;
    this.pageSize = pageSize;
  }

  @Override
  public String name() {
    return "baseline";
  }

  @Override
  public List<Long> read(Cursors.Cursor cursor) throws SQLException {
    select.setObject(1, channel);
    select.setLong(2, cursor.seq());
    select.setInt(3, pageSize);
    var seqs = new ArrayList<Long>(pageSize);
    try (var rows = select.executeQuery()) {
      while (rows.next()) {
        rows.getObject(1, UUID.class);
        rows.getObject(2, UUID.class);
        rows.getObject(3, UUID.class);
        rows.getString(4);
        rows.getObject(5, OffsetDateTime.class);
        seqs.add(rows.getLong(6));
        rows.getObject(7, OffsetDateTime.class);
        rows.getObject(8, OffsetDateTime.class);
      }
    }
    return seqs;
  }

  @Override
  public List<Long> seqs(List<Long> answer) {
    return answer;
  }

  @Override
  public void close() throws SQLException {
    select.close();
    connection.close();
  }
}
