package io.ohkay.projector.kafka;

import io.ohkay.projector.apply.BatchApplier;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One events topic consumed by a dedicated thread: poll, dead-letter what cannot be decoded, apply
 * the batch with the new positions, then (informationally) commit the group offsets. Positions come
 * from PostgreSQL when partitions are assigned. A failed batch is retried from its first offsets
 * after a back-off, never skipped.
 */
public final class EventsConsumer {

  private static final Logger LOG = LoggerFactory.getLogger(EventsConsumer.class);

  private final String name;
  private final String topic;
  private final String deadLetterTopic;
  private final Map<String, Object> config;
  private final Duration pollTimeout;
  private final RecordDecoder decoder;
  private final BatchApplier applier;
  private final DeadLetters deadLetters;
  private final ConsumerState state;
  private final CountDownLatch stopSignal = new CountDownLatch(1);
  private volatile boolean stopping;
  private volatile @Nullable KafkaConsumer<byte[], byte[]> consumer;
  private @Nullable Thread thread;

  /**
   * @param name short name for the thread, logs and status
   * @param topic the events topic
   * @param deadLetterTopic where undecodable records go
   * @param config consumer configuration, see {@link ConsumerSettings}
   * @param pollTimeout longest wait of one poll
   * @param decoder decodes this topic's records
   * @param applier writes them and knows the stored positions
   * @param deadLetters publishes undecodable records
   */
  public EventsConsumer(
      String name,
      String topic,
      String deadLetterTopic,
      Map<String, Object> config,
      Duration pollTimeout,
      RecordDecoder decoder,
      BatchApplier applier,
      DeadLetters deadLetters) {
    this.name = name;
    this.topic = topic;
    this.deadLetterTopic = deadLetterTopic;
    this.config = Map.copyOf(config);
    this.pollTimeout = pollTimeout;
    this.decoder = decoder;
    this.applier = applier;
    this.deadLetters = deadLetters;
    this.state = new ConsumerState(name, topic);
  }

  /** Starts the thread. */
  public synchronized void start() {
    var started = new Thread(this::run, "ohkay-projector-" + name);
    started.setDaemon(true);
    state.running(true);
    thread = started;
    started.start();
  }

  /** Asks the thread to finish its current batch and stop, then waits for it. */
  public void stop(Duration timeout) throws InterruptedException {
    stopping = true;
    stopSignal.countDown();
    var current = consumer;
    if (current != null) {
      current.wakeup();
    }
    join(timeout);
  }

  /** Interrupts the thread wherever it is; the current batch is abandoned, not finished. */
  public synchronized void abort() {
    stopping = true;
    stopSignal.countDown();
    if (thread != null) {
      thread.interrupt();
    }
  }

  /** Waits until the thread has ended. */
  public void join(Duration timeout) throws InterruptedException {
    Thread current;
    synchronized (this) {
      current = thread;
    }
    if (current != null && !current.join(timeout)) {
      LOG.warn("Consumer {} did not stop within {}", name, timeout);
    }
  }

  /** A snapshot of what this consumer is doing. */
  public ConsumerStatus status() {
    return state.snapshot();
  }

  private void run() {
    var kafka =
        new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    consumer = kafka;
    try {
      var positions = new Positions(kafka, applier, state, name);
      kafka.subscribe(List.of(topic), positions);
      while (!stopping) {
        pollOnce(kafka, positions);
      }
    } catch (WakeupException | InterruptException e) {
      LOG.debug("Consumer {} stopped", name);
    } finally {
      // Clear a pending interrupt so close() can leave the group promptly.
      Thread.interrupted();
      close(kafka);
      state.running(false);
    }
  }

  private void pollOnce(KafkaConsumer<byte[], byte[]> kafka, Positions positions) {
    try {
      if (!positions.seekPending()) {
        pause();
        return;
      }
      var records = kafka.poll(pollTimeout);
      var moved = positions.moved();
      if (!records.isEmpty() || !moved.isEmpty()) {
        process(kafka, positions, records, moved);
      }
      state.lag(positions.lag());
    } catch (WakeupException | InterruptException e) {
      throw e;
    } catch (RuntimeException e) {
      if (!stopping) {
        state.failed(e);
        pause();
      }
    }
  }

  /**
   * Applies one poll and stores the consumer's positions: after the returned records and the
   * transaction markers skipped with them, so a caught-up projector stores the end offsets. An
   * empty poll that only skipped markers stores the new positions alone.
   */
  private void process(
      KafkaConsumer<byte[], byte[]> kafka,
      Positions positions,
      ConsumerRecords<byte[], byte[]> records,
      Map<TopicPartition, Long> moved) {
    var batch = decoder.decode(records);
    try {
      deadLetters.publish(deadLetterTopic, batch.undecodable());
      applier.apply(batch.events(), moved);
    } catch (SQLException | ExecutionException | TimeoutException | RuntimeException e) {
      if (!stopping) {
        state.failed(e);
        positions.rewind(batch.firstOffsets());
        pause();
      }
      return;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return;
    }
    positions.stored(moved);
    state.succeeded(records.count(), batch.undecodable().size(), moved);
    kafka.commitAsync(toCommit(moved), (offsets, failure) -> logCommit(failure));
  }

  private void pause() {
    try {
      stopSignal.await(state.backoffMs(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static Map<TopicPartition, OffsetAndMetadata> toCommit(Map<TopicPartition, Long> next) {
    var commit = new HashMap<TopicPartition, OffsetAndMetadata>();
    next.forEach((partition, offset) -> commit.put(partition, new OffsetAndMetadata(offset)));
    return commit;
  }

  private void logCommit(@Nullable Exception failure) {
    if (failure != null) {
      LOG.debug("Consumer {}: informational offset commit failed", name, failure);
    }
  }

  private void close(KafkaConsumer<byte[], byte[]> kafka) {
    try {
      kafka.close(CloseOptions.timeout(Duration.ofSeconds(5)));
    } catch (RuntimeException e) {
      LOG.debug("Consumer {} closed with an error", name, e);
    }
  }
}
