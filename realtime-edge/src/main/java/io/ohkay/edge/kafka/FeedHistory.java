package io.ohkay.edge.kafka;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the events topics back from given offsets, for a client resuming from a position the edge
 * no longer holds in memory: committed records only ({@code read_committed}), one partition range
 * after the other, in batches. Blocking; one {@link Reader} per resume, on a thread that may block.
 */
public final class FeedHistory {

  private static final Logger log = LoggerFactory.getLogger(FeedHistory.class);
  private static final Duration POLL = Duration.ofMillis(500);
  private static final Duration METADATA_TIMEOUT = Duration.ofSeconds(10);
  private static final String TYPE_HEADER = "ce_type";

  /** A range that starts before the partition's first record still kept (retention). */
  public static final class GoneException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public GoneException(String message) {
      super(message, null, false, false);
    }
  }

  private final String bootstrapServers;

  /**
   * @param bootstrapServers the Kafka cluster
   */
  public FeedHistory(String bootstrapServers) {
    this.bootstrapServers = bootstrapServers;
  }

  /** A reader of its own (a consumer), to close after use. */
  public Reader open() {
    return new Reader(
        new KafkaConsumer<>(
            Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ConsumerConfig.CLIENT_ID_CONFIG,
                "ohkay-edge-resume-" + UUID.randomUUID(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                false,
                ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG,
                false,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG,
                1000),
            new StringDeserializer(),
            new ByteArrayDeserializer()));
  }

  /** Reads ranges of partitions with one consumer. */
  public static final class Reader implements AutoCloseable {

    private final KafkaConsumer<String, byte[]> kafka;
    private @Nullable TopicPartition current;
    private long to;
    private @Nullable Set<String> types;

    Reader(KafkaConsumer<String, byte[]> kafka) {
      this.kafka = kafka;
    }

    /**
     * {@link GoneException} when some partition no longer keeps its offset in {@code starts}: what
     * retention deleted cannot be replayed (one lookup for all of them).
     */
    public void requireKept(Map<TopicPartition, Long> starts) {
      var firsts = kafka.beginningOffsets(starts.keySet(), METADATA_TIMEOUT);
      starts.forEach(
          (range, from) -> {
            var first = firsts.get(range);
            if (first != null && from < first) {
              throw new GoneException(range + " starts at " + first + ", asked from " + from);
            }
          });
    }

    /**
     * Starts reading {@code [from, to)} of a partition, only records whose {@code ce_type} header
     * is one of {@code types} (null: all); {@link GoneException} when {@code from} is no longer
     * kept.
     */
    public void start(
        String topic, int partition, long from, long to, @Nullable Set<String> types) {
      var range = new TopicPartition(topic, partition);
      requireKept(Map.of(range, from));
      kafka.assign(List.of(range));
      kafka.seek(range, from);
      this.current = range;
      this.to = to;
      this.types = types;
    }

    /** The next records of the range (possibly none), or null once it is read to its end. */
    public @Nullable List<FeedRecord> next() {
      var range = current;
      if (range == null || kafka.position(range, METADATA_TIMEOUT) >= to) {
        current = null;
        return null;
      }
      var batch = new ArrayList<FeedRecord>();
      for (var record : kafka.poll(POLL).records(range)) {
        if (record.offset() >= to) {
          kafka.seek(range, to);
          break;
        }
        if (wanted(record)) {
          parse(record, batch);
        }
      }
      return batch;
    }

    private boolean wanted(ConsumerRecord<String, byte[]> record) {
      var wanted = types;
      if (wanted == null) {
        return true;
      }
      var header = record.headers().lastHeader(TYPE_HEADER);
      return header != null
          && header.value() != null
          && wanted.contains(new String(header.value(), StandardCharsets.UTF_8));
    }

    private static void parse(ConsumerRecord<String, byte[]> record, List<FeedRecord> batch) {
      try {
        batch.add(
            FeedRecord.parse(record.topic(), record.partition(), record.offset(), record.value()));
      } catch (IllegalArgumentException e) {
        log.debug(
            "resume skips unreadable {}-{}@{}",
            record.topic(),
            record.partition(),
            record.offset());
      }
    }

    @Override
    public void close() {
      kafka.close();
    }
  }
}
