package io.ohkay.bench.projector;

import io.ohkay.projector.apply.SourcedEvent;
import io.ohkay.schemas.event.MessagePosted;
import io.ohkay.schemas.id.ServerId;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The baseline: per batch and server database, the batch's messages as one multi-row INSERT (one
 * array per column, unnested) in one transaction. No seq guard, no versions, no offsets, no
 * registry.
 */
final class BulkInserts implements MessageWriter {

  private static final String INSERT =
      "INSERT INTO messages (id, channel_id, author_id, content, created_at, seq)"
          + " SELECT id, channel_id, author_id, content,"
          + " timestamptz 'epoch' + millis * interval '1 millisecond', seq"
          + " FROM unnest(?::uuid[], ?::uuid[], ?::uuid[], ?::text[], ?::bigint[], ?::bigint[])"
          + " AS m (id, channel_id, author_id, content, millis, seq)";

  private final Map<ServerId, DataSource> databases;

  /** Writes each server's messages into its database in {@code databases}. */
  BulkInserts(Map<ServerId, DataSource> databases) {
    this.databases = Map.copyOf(databases);
  }

  @Override
  public String name() {
    return "baseline";
  }

  @Override
  public void write(List<SourcedEvent> batch) throws SQLException {
    for (var server : byServer(batch).entrySet()) {
      try (var connection = databases.get(server.getKey()).getConnection()) {
        connection.setAutoCommit(false);
        insert(connection, server.getValue());
        connection.commit();
      }
    }
  }

  @Override
  public long storedMessages() throws SQLException {
    return StoredMessages.count(databases.values());
  }

  private static void insert(Connection connection, List<SourcedEvent> events) throws SQLException {
    int size = events.size();
    var ids = new UUID[size];
    var channels = new UUID[size];
    var authors = new UUID[size];
    var contents = new String[size];
    var millis = new Long[size];
    var seqs = new Long[size];
    for (int i = 0; i < size; i++) {
      var event = events.get(i).event();
      var posted = (MessagePosted) event.payload();
      ids[i] = posted.messageId().value();
      channels[i] = posted.channelId().value();
      authors[i] = posted.authorId().value();
      contents[i] = posted.content();
      millis[i] = event.occurredAt().toEpochMilli();
      seqs[i] = event.seq();
    }
    try (var insert = connection.prepareStatement(INSERT)) {
      insert.setArray(1, connection.createArrayOf("uuid", ids));
      insert.setArray(2, connection.createArrayOf("uuid", channels));
      insert.setArray(3, connection.createArrayOf("uuid", authors));
      insert.setArray(4, connection.createArrayOf("text", contents));
      insert.setArray(5, connection.createArrayOf("bigint", millis));
      insert.setArray(6, connection.createArrayOf("bigint", seqs));
      insert.executeUpdate();
    }
  }

  private static Map<ServerId, List<SourcedEvent>> byServer(List<SourcedEvent> batch) {
    var byServer = new LinkedHashMap<ServerId, List<SourcedEvent>>();
    for (var event : batch) {
      byServer
          .computeIfAbsent(new ServerId(event.event().aggregateId()), id -> new ArrayList<>())
          .add(event);
    }
    return byServer;
  }
}
