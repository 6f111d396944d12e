package io.ohkay.edge.kafka;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.NoOffsetForPartitionException;
import org.apache.kafka.clients.consumer.OffsetOutOfRangeException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
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

  /**
   * A poll returns only once it has records or its time is up: a range that ends on a transaction
   * marker (every range the decider wrote) would wait a whole poll for nothing, so polls are short.
   */
  private static final Duration POLL = Duration.ofMillis(20);

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
                1000,
                // Ranges hold records already written. The consumer fetches ahead past a range's
                // end, where the broker would hold the fetch for new records, and the next range's
                // fetch (and closing) waits for it: 500 ms by default.
                ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG,
                10,
                // A range retention removed mid-read must fail, not jump to the end in silence.
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "none"),
            new StringDeserializer(),
            new ByteArrayDeserializer()));
  }

  /**
   * Reads ranges of partitions with one consumer. Its reading methods run on one thread; {@link
   * #close()} may come from another (a client that disconnects mid-replay): it wakes a blocked poll
   * up and closes the consumer once the reading call has returned, after which reads find nothing.
   */
  public static final class Reader implements AutoCloseable {

    private final KafkaConsumer<String, byte[]> kafka;
    private final ReentrantLock lock = new ReentrantLock();
    private volatile boolean closed;
    private @Nullable TopicPartition current;
    private long to;
    private @Nullable Set<String> types;

    Reader(KafkaConsumer<String, byte[]> kafka) {
      this.kafka = kafka;
    }

    /** Whether {@link #close()} was called: nothing more is read. */
    public boolean closed() {
      return closed;
    }

    /**
     * {@link GoneException} when some partition no longer keeps its offset in {@code starts}: what
     * retention deleted cannot be replayed (one lookup for all of them).
     */
    public void requireKept(Collection<FeedPosition> starts) {
      var ranges = new HashMap<TopicPartition, Long>();
      starts.forEach(
          start ->
              ranges.put(new TopicPartition(start.topic(), start.partition()), start.nextOffset()));
      var firsts =
          locked(
              () -> kafka.beginningOffsets(ranges.keySet(), METADATA_TIMEOUT),
              Map.<TopicPartition, Long>of());
      ranges.forEach(
          (range, from) -> {
            var first = firsts.get(range);
            if (first != null && from < first) {
              throw new GoneException(range + " starts at " + first + ", asked from " + from);
            }
          });
    }

    /**
     * Starts reading {@code [from, to)} of a partition, only records whose {@code ce_type} header
     * is one of {@code types} (null: all). {@link #next()} throws {@link GoneException} if
     * retention removes {@code from} meanwhile.
     */
    public void start(
        String topic, int partition, long from, long to, @Nullable Set<String> types) {
      var range = new TopicPartition(topic, partition);
      locked(
          () -> {
            kafka.assign(List.of(range));
            kafka.seek(range, from);
            return range;
          },
          range);
      this.current = range;
      this.to = to;
      this.types = types;
    }

    /**
     * The next records of the range (possibly none), or null once it is read to its end or the
     * reader is closed; {@link GoneException} when the range's records are no longer kept.
     */
    public @Nullable List<FeedRecord> next() {
      var range = current;
      if (range == null) {
        return null;
      }
      var batch = locked(() -> read(range), null);
      if (batch == null) {
        current = null;
      }
      return batch;
    }

    private @Nullable List<FeedRecord> read(TopicPartition range) {
      try {
        if (kafka.position(range, METADATA_TIMEOUT) >= to) {
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
      } catch (OffsetOutOfRangeException | NoOffsetForPartitionException e) {
        throw new GoneException(
            range + " no longer keeps the records asked for: " + e.getMessage());
      }
    }

    /** Runs {@code read} under the lock; {@code whenClosed} once closed (or woken up to close). */
    private <T> T locked(Supplier<T> read, T whenClosed) {
      lock.lock();
      try {
        return closed ? whenClosed : read.get();
      } catch (WakeupException e) {
        return whenClosed;
      } finally {
        lock.unlock();
      }
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

    /**
     * Closes the consumer from any thread, waking a read in progress. A client leaving mid-replay
     * cancels the read's task, which interrupts its thread: the consumer would fail to close on it
     * (and log an error), so the interrupt is set aside while it closes and restored after.
     */
    @Override
    public void close() {
      closed = true;
      kafka.wakeup();
      var interrupted = Thread.interrupted();
      lock.lock();
      try {
        kafka.close();
      } catch (WakeupException e) {
        kafka.close();
      } finally {
        lock.unlock();
        if (interrupted) {
          Thread.currentThread().interrupt();
        }
      }
    }
  }
}
