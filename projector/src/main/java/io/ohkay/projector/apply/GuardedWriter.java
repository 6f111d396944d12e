package io.ohkay.projector.apply;

import io.ohkay.projector.projection.Projection;
import io.ohkay.projector.projection.WriteBatch;
import io.ohkay.schemas.event.Event;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.apache.kafka.common.TopicPartition;

/**
 * Writes events into one database in one transaction: their rows, each aggregate's last applied
 * {@code seq} and the consumed offsets. An event whose seq is not above its aggregate's stored seq
 * is skipped, so a redelivered batch changes nothing.
 */
final class GuardedWriter {

  private final String consumer;
  private final Projection projection;

  GuardedWriter(String consumer, Projection projection) {
    this.consumer = consumer;
    this.projection = projection;
  }

  /** Writes the batch; returns the seq now applied per aggregate the batch advanced. */
  Map<UUID, Long> write(
      DataSource database, List<SourcedEvent> events, Map<TopicPartition, Long> nextOffsets)
      throws SQLException {
    try (var connection = database.getConnection()) {
      connection.setAutoCommit(false);
      try {
        var applied = writeIn(connection, events, nextOffsets);
        connection.commit();
        return applied;
      } catch (SQLException | RuntimeException e) {
        rollback(connection, e);
        throw e;
      }
    }
  }

  private Map<UUID, Long> writeIn(
      Connection connection, List<SourcedEvent> events, Map<TopicPartition, Long> nextOffsets)
      throws SQLException {
    var plan =
        plan(
            projection,
            events.stream().map(SourcedEvent::event).toList(),
            lock(connection, events));
    Sql.execute(connection, plan.batch());
    Sql.saveVersions(connection, plan.applied());
    Sql.saveOffsets(connection, consumer, nextOffsets);
    return plan.applied();
  }

  private static Map<UUID, Long> lock(Connection connection, List<SourcedEvent> events)
      throws SQLException {
    var aggregates = events.stream().map(e -> e.event().aggregateId()).distinct().toList();
    return Sql.lockVersions(connection, aggregates);
  }

  /** The writes of the events not applied yet, given each aggregate's stored seq: pure. */
  static Plan plan(Projection projection, List<Event> events, Map<UUID, Long> stored) {
    var batch = new WriteBatch();
    var applied = new LinkedHashMap<UUID, Long>();
    var last = new HashMap<>(stored);
    for (var event : events) {
      if (event.seq() <= last.getOrDefault(event.aggregateId(), 0L)) {
        continue;
      }
      batch.addAll(projection.project(event));
      last.put(event.aggregateId(), event.seq());
      applied.put(event.aggregateId(), event.seq());
    }
    return new Plan(batch, applied);
  }

  private static void rollback(Connection connection, Exception cause) {
    try {
      connection.rollback();
    } catch (SQLException e) {
      cause.addSuppressed(e);
    }
  }

  /**
   * What a batch changes in one database.
   *
   * @param batch the rows to write
   * @param applied the new last applied seq of each aggregate the batch advances
   */
  record Plan(WriteBatch batch, Map<UUID, Long> applied) {}
}
