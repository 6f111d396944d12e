package io.ohkay.projector.apply;

import io.ohkay.projector.projection.SqlNull;
import io.ohkay.projector.projection.WriteBatch;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.common.TopicPartition;

/** The JDBC side of the guarded writes: one JDBC batch per statement, never a commit per row. */
final class Sql {

  private static final String LOCK_VERSIONS =
      "SELECT aggregate_id, seq FROM aggregate_versions WHERE aggregate_id = ANY (?) FOR UPDATE";
  private static final String SAVE_VERSION =
      "INSERT INTO aggregate_versions (aggregate_id, seq) VALUES (?, ?)"
          + " ON CONFLICT (aggregate_id)"
          + " DO UPDATE SET seq = GREATEST(aggregate_versions.seq, EXCLUDED.seq)";
  private static final String SAVE_OFFSET =
      "INSERT INTO projection_offsets (consumer, topic, partition, \"offset\") VALUES (?, ?, ?, ?)"
          + " ON CONFLICT (consumer, topic, partition)"
          + " DO UPDATE SET \"offset\" = GREATEST(projection_offsets.\"offset\", EXCLUDED.\"offset\")";
  private static final String LOAD_OFFSETS =
      "SELECT topic, partition, \"offset\" FROM projection_offsets WHERE consumer = ?";

  private Sql() {}

  /**
   * The stored seq of these aggregates, locked until commit: a second writer of the same aggregates
   * (a consumer that lost its partition but does not know yet) waits, then sees the seqs this
   * transaction commits.
   */
  static Map<UUID, Long> lockVersions(Connection connection, List<UUID> aggregates)
      throws SQLException {
    var versions = new HashMap<UUID, Long>();
    if (aggregates.isEmpty()) {
      return versions;
    }
    try (var select = connection.prepareStatement(LOCK_VERSIONS)) {
      select.setArray(1, connection.createArrayOf("uuid", aggregates.toArray()));
      try (var rows = select.executeQuery()) {
        while (rows.next()) {
          versions.put(rows.getObject(1, UUID.class), rows.getLong(2));
        }
      }
    }
    return versions;
  }

  static void execute(Connection connection, WriteBatch batch) throws SQLException {
    for (var group : batch.groups()) {
      try (var statement = connection.prepareStatement(group.statement().sql())) {
        for (var row : group.rows()) {
          bind(statement, row);
        }
        statement.executeBatch();
      }
    }
  }

  static void saveVersions(Connection connection, Map<UUID, Long> versions) throws SQLException {
    if (versions.isEmpty()) {
      return;
    }
    try (var statement = connection.prepareStatement(SAVE_VERSION)) {
      for (var version : versions.entrySet()) {
        bind(statement, List.of(version.getKey(), version.getValue()));
      }
      statement.executeBatch();
    }
  }

  static void saveOffsets(Connection connection, String consumer, Map<TopicPartition, Long> next)
      throws SQLException {
    if (next.isEmpty()) {
      return;
    }
    try (var statement = connection.prepareStatement(SAVE_OFFSET)) {
      for (var offset : next.entrySet()) {
        var partition = offset.getKey();
        bind(
            statement,
            List.of(consumer, partition.topic(), partition.partition(), offset.getValue()));
      }
      statement.executeBatch();
    }
  }

  static Map<TopicPartition, Long> loadOffsets(
      Connection connection, String consumer, Collection<TopicPartition> partitions)
      throws SQLException {
    var stored = new HashMap<TopicPartition, Long>();
    try (var select = connection.prepareStatement(LOAD_OFFSETS)) {
      select.setString(1, consumer);
      try (var rows = select.executeQuery()) {
        while (rows.next()) {
          var partition = new TopicPartition(rows.getString(1), rows.getInt(2));
          if (partitions.contains(partition)) {
            stored.put(partition, rows.getLong(3));
          }
        }
      }
    }
    return stored;
  }

  static long loadVersion(Connection connection, UUID aggregate) throws SQLException {
    try (var select =
        connection.prepareStatement("SELECT seq FROM aggregate_versions WHERE aggregate_id = ?")) {
      select.setObject(1, aggregate);
      try (var rows = select.executeQuery()) {
        return rows.next() ? rows.getLong(1) : 0L;
      }
    }
  }

  private static void bind(PreparedStatement statement, List<Object> row) throws SQLException {
    for (int i = 0; i < row.size(); i++) {
      if (row.get(i) instanceof SqlNull absent) {
        statement.setNull(i + 1, absent.jdbcType());
      } else {
        statement.setObject(i + 1, row.get(i));
      }
    }
    statement.addBatch();
  }
}
