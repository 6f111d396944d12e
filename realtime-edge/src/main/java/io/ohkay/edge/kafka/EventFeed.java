package io.ohkay.edge.kafka;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.ClusterResource;
import org.apache.kafka.common.ClusterResourceListener;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * The edge's one Kafka consumer (not one per connection): reads every partition of the events
 * topics with {@code read_committed}, so only committed facts reach clients, on a dedicated thread,
 * and hands each record to its listener. No consumer group: partitions are assigned by the feed
 * itself (waiting until the topics exist) and nothing is committed, because an edge serves live
 * positions, starting at the end of each partition when it starts. Partitions or topics that appear
 * later are read from the first record stamped at or after the edge's start.
 */
public final class EventFeed implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(EventFeed.class);
  private static final Duration WHILE_TOPICS_MISSING = Duration.ofSeconds(1);

  private final List<String> topics;
  private final FeedListener listener;
  private final Instant startedAt = Instant.now();
  private final PollThread poller;
  private volatile int assignedPartitions;

  /** Each partition's position as last reported to the listener; the poll thread's. */
  private final Map<TopicPartition, Long> reached = new HashMap<>();

  /**
   * @param bootstrapServers the Kafka cluster
   * @param topics the events topics to read, full names
   * @param listener receives the records, on the poll thread
   */
  public EventFeed(String bootstrapServers, List<String> topics, FeedListener listener) {
    this.topics = List.copyOf(topics);
    this.listener = listener;
    this.poller =
        new PollThread(
            "ohkay-edge-feed",
            "event feed",
            log,
            consumerConfig(bootstrapServers),
            this::turnOn,
            () -> new ClusterNaming(listener::onCluster));
  }

  /** The values as they are, telling the cluster's id whenever the consumer's metadata names it. */
  private static final class ClusterNaming extends ByteArrayDeserializer
      implements ClusterResourceListener {

    private final java.util.function.Consumer<String> clusterId;

    ClusterNaming(java.util.function.Consumer<String> clusterId) {
      this.clusterId = clusterId;
    }

    @Override
    public void onUpdate(ClusterResource cluster) {
      if (cluster.clusterId() != null) {
        clusterId.accept(cluster.clusterId());
      }
    }
  }

  static Map<String, Object> consumerConfig(String bootstrapServers) {
    return Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
        bootstrapServers,
        ConsumerConfig.CLIENT_ID_CONFIG,
        "ohkay-edge-feed",
        ConsumerConfig.ISOLATION_LEVEL_CONFIG,
        "read_committed",
        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
        false,
        ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG,
        false,
        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
        "latest");
  }

  @Override
  public void start() {
    poller.start();
  }

  @Override
  public void stop() {
    poller.stop();
  }

  /** Whether the poll thread is alive. */
  @Override
  public boolean isRunning() {
    return poller.isRunning();
  }

  /** How many partitions the feed reads. */
  public int assignedPartitions() {
    return assignedPartitions;
  }

  private Runnable turnOn(KafkaConsumer<String, byte[]> kafka) {
    var assigner = new PartitionAssigner(kafka, topics, startedAt, this::assigned);
    return () -> turn(kafka, assigner);
  }

  private void turn(KafkaConsumer<String, byte[]> kafka, PartitionAssigner assigner) {
    assigner.refreshIfDue();
    assignedPartitions = assigner.assigned();
    if (kafka.assignment().isEmpty()) {
      poller.pause(WHILE_TOPICS_MISSING);
      return;
    }
    kafka.poll(PollThread.POLL).forEach(this::deliver);
    // A poll may also move past transaction markers and aborted records, which it returns nothing
    // of: report the positions the records did not.
    for (var partition : kafka.assignment()) {
      var position = kafka.position(partition);
      var known = reached.get(partition);
      if (known == null || position > known) {
        reached.put(partition, position);
        listener.onPassed(new FeedPosition(partition.topic(), partition.partition(), position));
      }
    }
    try {
      listener.onPolled();
    } catch (RuntimeException e) {
      log.error("listener failed at the end of a poll", e);
    }
  }

  private void assigned(List<FeedPosition> positions) {
    for (var position : positions) {
      reached.put(
          new TopicPartition(position.topic(), position.partition()), position.nextOffset());
    }
    listener.onAssigned(positions);
  }

  private void deliver(ConsumerRecord<String, byte[]> record) {
    reached.put(new TopicPartition(record.topic(), record.partition()), record.offset() + 1);
    FeedRecord parsed;
    try {
      parsed =
          FeedRecord.parse(record.topic(), record.partition(), record.offset(), record.value());
    } catch (IllegalArgumentException e) {
      log.warn(
          "skipping unreadable record {}-{}@{}: {}",
          record.topic(),
          record.partition(),
          record.offset(),
          e.getMessage());
      listener.onPassed(new FeedPosition(record.topic(), record.partition(), record.offset() + 1));
      return;
    }
    try {
      listener.onRecord(parsed);
    } catch (RuntimeException e) {
      log.error(
          "listener failed on {}-{}@{}", parsed.topic(), parsed.partition(), parsed.offset(), e);
    }
  }
}
