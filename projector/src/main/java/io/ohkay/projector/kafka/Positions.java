package io.ohkay.projector.kafka;

import io.ohkay.projector.apply.BatchApplier;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The consumer thread's positions. Newly assigned partitions stay paused until they are sought to
 * the position stored in PostgreSQL (the group's committed offsets are never used); afterwards it
 * knows which positions moved since they were last stored.
 */
final class Positions implements ConsumerRebalanceListener {

  private static final Logger LOG = LoggerFactory.getLogger(Positions.class);

  private final KafkaConsumer<byte[], byte[]> kafka;
  private final BatchApplier applier;
  private final ConsumerState state;
  private final String name;
  private final Set<TopicPartition> pending = new HashSet<>();
  private final Map<TopicPartition, Long> stored = new HashMap<>();

  Positions(
      KafkaConsumer<byte[], byte[]> kafka, BatchApplier applier, ConsumerState state, String name) {
    this.kafka = kafka;
    this.applier = applier;
    this.state = state;
    this.name = name;
  }

  @Override
  public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
    pending.addAll(partitions);
    kafka.pause(partitions);
    seekPending();
  }

  @Override
  public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
    pending.removeAll(partitions);
    partitions.forEach(stored::remove);
    state.forget(partitions);
  }

  @Override
  public void onPartitionsLost(Collection<TopicPartition> partitions) {
    onPartitionsRevoked(partitions);
  }

  /** Seeks the partitions waiting for their stored position; false when they must wait longer. */
  boolean seekPending() {
    if (pending.isEmpty()) {
      return true;
    }
    try {
      var fromDatabase = applier.storedOffsets(Set.copyOf(pending));
      for (var partition : pending) {
        seek(partition, fromDatabase.get(partition));
      }
      kafka.resume(pending);
      pending.clear();
      state.recovered();
      return true;
    } catch (SQLException | RuntimeException e) {
      state.failed(e);
      return false;
    }
  }

  private void seek(TopicPartition partition, @Nullable Long at) {
    if (at == null) {
      LOG.info(
          "Consumer {}: no stored position for {}, replaying from the beginning", name, partition);
      kafka.seekToBeginning(List.of(partition));
    } else {
      LOG.info("Consumer {}: resuming {} at offset {} (from PostgreSQL)", name, partition, at);
      kafka.seek(partition, at);
      stored.put(partition, at);
      state.positioned(partition, at);
    }
  }

  /** The positioned partitions whose position differs from the one last stored. */
  Map<TopicPartition, Long> moved() {
    var moved = new HashMap<TopicPartition, Long>();
    for (var partition : kafka.assignment()) {
      if (!pending.contains(partition)) {
        var position = kafka.position(partition);
        if (!Long.valueOf(position).equals(stored.get(partition))) {
          moved.put(partition, position);
        }
      }
    }
    return moved;
  }

  /** These positions are now stored in PostgreSQL. */
  void stored(Map<TopicPartition, Long> positions) {
    stored.putAll(positions);
  }

  /** Seeks back to the first offsets of a batch that failed, to retry it. */
  void rewind(Map<TopicPartition, Long> firstOffsets) {
    var assigned = kafka.assignment();
    firstOffsets.forEach(
        (partition, offset) -> {
          if (assigned.contains(partition)) {
            kafka.seek(partition, offset);
          }
        });
  }

  /** Records between the positions and the end of the assigned partitions; null while unknown. */
  @Nullable Long lag() {
    long total = 0;
    for (var partition : kafka.assignment()) {
      var partitionLag = kafka.currentLag(partition);
      if (partitionLag.isEmpty()) {
        return null;
      }
      total += partitionLag.getAsLong();
    }
    return total;
  }
}
