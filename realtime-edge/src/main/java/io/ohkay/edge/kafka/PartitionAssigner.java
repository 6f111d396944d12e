package io.ohkay.edge.kafka;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the partitions of the feed's topics and assigns the new ones, every second while a topic is
 * missing, every 30 seconds after. Partitions found by the first successful look start at their
 * end; partitions or topics appearing later start at the first record stamped at or after the
 * edge's start, so nothing committed since the start is missed. Owned by the poll thread.
 */
final class PartitionAssigner {

  private static final Logger log = LoggerFactory.getLogger(PartitionAssigner.class);
  private static final Duration METADATA_TIMEOUT = Duration.ofSeconds(5);
  private static final Duration WHILE_TOPICS_MISSING = Duration.ofSeconds(1);
  private static final Duration WHILE_COMPLETE = Duration.ofSeconds(30);

  private final Consumer<String, byte[]> kafka;
  private final List<String> topics;
  private final Instant startedAt;
  private final java.util.function.Consumer<List<FeedPosition>> onAssigned;
  private final Set<TopicPartition> assigned = new HashSet<>();
  private boolean lookedOnce;
  private long nextLookNanos = System.nanoTime();

  PartitionAssigner(
      Consumer<String, byte[]> kafka,
      List<String> topics,
      Instant startedAt,
      java.util.function.Consumer<List<FeedPosition>> onAssigned) {
    this.kafka = kafka;
    this.topics = topics;
    this.startedAt = startedAt;
    this.onAssigned = onAssigned;
  }

  /** How many partitions are assigned. */
  int assigned() {
    return assigned.size();
  }

  /** Looks for new partitions if it is time to. */
  void refreshIfDue() {
    if (System.nanoTime() - nextLookNanos < 0) {
      return;
    }
    var found = discover();
    var fresh = new HashSet<>(found);
    fresh.removeAll(assigned);
    if (!fresh.isEmpty()) {
      assign(fresh, lookedOnce);
    }
    lookedOnce = true;
    var complete = topics.stream().allMatch(t -> found.stream().anyMatch(p -> p.topic().equals(t)));
    nextLookNanos =
        System.nanoTime() + (complete ? WHILE_COMPLETE : WHILE_TOPICS_MISSING).toNanos();
  }

  private Set<TopicPartition> discover() {
    var found = new HashSet<TopicPartition>();
    for (var topic : topics) {
      var partitions = kafka.partitionsFor(topic, METADATA_TIMEOUT);
      if (partitions != null) {
        partitions.forEach(p -> found.add(new TopicPartition(p.topic(), p.partition())));
      }
    }
    return found;
  }

  private void assign(Set<TopicPartition> fresh, boolean appearedLater) {
    assigned.addAll(fresh);
    kafka.assign(new ArrayList<>(assigned));
    if (appearedLater) {
      seekToStartTime(fresh);
    } else {
      kafka.seekToEnd(fresh);
    }
    var positions = new ArrayList<FeedPosition>();
    for (var partition : fresh) {
      positions.add(
          new FeedPosition(partition.topic(), partition.partition(), kafka.position(partition)));
    }
    log.info("event feed reads {} partitions; new: {}", assigned.size(), positions);
    onAssigned.accept(positions);
  }

  private void seekToStartTime(Collection<TopicPartition> partitions) {
    var query = new HashMap<TopicPartition, Long>();
    partitions.forEach(p -> query.put(p, startedAt.toEpochMilli()));
    var offsets = kafka.offsetsForTimes(query, METADATA_TIMEOUT);
    for (var partition : partitions) {
      var offset = offsets.get(partition);
      if (offset == null) {
        kafka.seekToEnd(List.of(partition));
      } else {
        kafka.seek(partition, offset.offset());
      }
    }
  }
}
