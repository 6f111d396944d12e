package io.ohkay.projector.apply;

import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;

/** Writes polled batches of one events topic into its databases, exactly once in effect. */
public interface BatchApplier {

  /**
   * Writes {@code events} (in topic order) and records {@code nextOffsets} (per partition, the
   * offset after the batch) in the same transactions. Events already applied change nothing.
   */
  void apply(List<SourcedEvent> events, Map<TopicPartition, Long> nextOffsets) throws SQLException;

  /** The next offsets stored for these partitions, where to resume; absent when never written. */
  Map<TopicPartition, Long> storedOffsets(Collection<TopicPartition> partitions)
      throws SQLException;
}
