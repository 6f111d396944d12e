package io.ohkay.edge.kafka;

import java.util.HashMap;
import java.util.Map;
import java.util.function.ToLongFunction;
import org.apache.kafka.common.TopicPartition;

/**
 * How far a read-back must go: each partition's end offset at the moment it was assigned. Reached
 * once the topic has been looked up at least once (a missing topic holds nothing to read back) and
 * every partition's position got to its target. Owned by the poll thread.
 */
final class ReadBack {

  private final Map<TopicPartition, Long> targets = new HashMap<>();
  private boolean looked;

  /** Partition {@code partition} must be read up to {@code endOffset}. */
  void target(TopicPartition partition, long endOffset) {
    targets.put(partition, endOffset);
  }

  /** The topic's partitions were looked up successfully. */
  void looked() {
    looked = true;
  }

  /** Whether every target is reached, asking {@code position} only for the partitions not yet. */
  boolean reached(ToLongFunction<TopicPartition> position) {
    if (!looked) {
      return false;
    }
    targets
        .entrySet()
        .removeIf(target -> position.applyAsLong(target.getKey()) >= target.getValue());
    return targets.isEmpty();
  }
}
