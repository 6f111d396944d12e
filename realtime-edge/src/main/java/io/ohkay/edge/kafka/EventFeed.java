package io.ohkay.edge.kafka;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jspecify.annotations.Nullable;
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
  private static final Duration POLL = Duration.ofMillis(500);
  private static final Duration WHILE_TOPICS_MISSING = Duration.ofSeconds(1);
  private static final Duration AFTER_FAILURE = Duration.ofSeconds(1);

  private final Map<String, Object> config;
  private final List<String> topics;
  private final FeedListener listener;
  private final Instant startedAt = Instant.now();
  private volatile boolean running;
  private volatile int assignedPartitions;
  private volatile @Nullable Thread thread;
  private volatile @Nullable KafkaConsumer<String, byte[]> consumer;

  /**
   * @param bootstrapServers the Kafka cluster
   * @param topics the events topics to read, full names
   * @param listener receives the records, on the poll thread
   */
  public EventFeed(String bootstrapServers, List<String> topics, FeedListener listener) {
    this.config = consumerConfig(bootstrapServers);
    this.topics = List.copyOf(topics);
    this.listener = listener;
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
    running = true;
    var poller = new Thread(this::run, "ohkay-edge-feed");
    poller.setDaemon(true);
    thread = poller;
    poller.start();
  }

  @Override
  public void stop() {
    running = false;
    var current = consumer;
    if (current != null) {
      current.wakeup();
    }
    var poller = thread;
    if (poller != null) {
      try {
        poller.join(TimeUnit.SECONDS.toMillis(10));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** Whether the poll thread is alive. */
  @Override
  public boolean isRunning() {
    var poller = thread;
    return running && poller != null && poller.isAlive();
  }

  /** How many partitions the feed reads. */
  public int assignedPartitions() {
    return assignedPartitions;
  }

  private void run() {
    try (var kafka =
        new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
      consumer = kafka;
      loop(kafka);
    } catch (RuntimeException e) {
      log.error("event feed stopped", e);
    } finally {
      consumer = null;
      running = false;
    }
  }

  private void loop(KafkaConsumer<String, byte[]> kafka) {
    var assigner = new PartitionAssigner(kafka, topics, startedAt, listener);
    while (running) {
      try {
        assigner.refreshIfDue();
        assignedPartitions = assigner.assigned();
        if (kafka.assignment().isEmpty()) {
          pause(WHILE_TOPICS_MISSING);
          continue;
        }
        kafka.poll(POLL).forEach(this::deliver);
      } catch (WakeupException e) {
        // stop() woke the poll up; the loop condition ends it.
      } catch (KafkaException e) {
        log.warn("event feed: {}; retrying", e.toString());
        pause(AFTER_FAILURE);
      }
    }
  }

  private void deliver(ConsumerRecord<String, byte[]> record) {
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
      listener.onUnreadable(
          new FeedPosition(record.topic(), record.partition(), record.offset() + 1));
      return;
    }
    try {
      listener.onRecord(parsed);
    } catch (RuntimeException e) {
      log.error(
          "listener failed on {}-{}@{}", parsed.topic(), parsed.partition(), parsed.offset(), e);
    }
  }

  private void pause(Duration duration) {
    if (running) {
      LockSupport.parkNanos(duration.toNanos());
    }
  }
}
