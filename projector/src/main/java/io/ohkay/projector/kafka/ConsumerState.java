package io.ohkay.projector.kafka;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.common.TopicPartition;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a consumer thread reports about itself, read by health checks from other threads, and its
 * back-off after failures (doubling from 200 ms to 10 s, reset by a success).
 */
final class ConsumerState {

  private static final Logger LOG = LoggerFactory.getLogger(ConsumerState.class);
  private static final long FIRST_BACKOFF_MS = 200;
  private static final long MAX_BACKOFF_MS = 10_000;

  private final String name;
  private final String topic;
  private final Map<Integer, Long> positions = new ConcurrentHashMap<>();
  private final AtomicLong applied = new AtomicLong();
  private final AtomicLong deadLettered = new AtomicLong();
  private volatile boolean running;
  private volatile boolean failing;
  private volatile @Nullable Long lag;
  private volatile @Nullable String lastError;
  private volatile @Nullable Instant lastErrorAt;
  private long backoffMs;

  ConsumerState(String name, String topic) {
    this.name = name;
    this.topic = topic;
  }

  void running(boolean running) {
    this.running = running;
  }

  /** A batch was applied and these positions stored. */
  void succeeded(int records, int deadLetters, Map<TopicPartition, Long> stored) {
    recovered();
    applied.addAndGet(records);
    deadLettered.addAndGet(deadLetters);
    stored.forEach(this::positioned);
  }

  void positioned(TopicPartition partition, long position) {
    positions.put(partition.partition(), position);
  }

  void forget(Collection<TopicPartition> partitions) {
    partitions.forEach(partition -> positions.remove(partition.partition()));
  }

  void recovered() {
    failing = false;
    backoffMs = 0;
  }

  /** Records a failure and lengthens the back-off. */
  void failed(Exception e) {
    failing = true;
    lastError = e.toString();
    lastErrorAt = Instant.now();
    backoffMs = backoffMs == 0 ? FIRST_BACKOFF_MS : Math.min(backoffMs * 2, MAX_BACKOFF_MS);
    LOG.warn("Consumer {} failed, retrying the same records in {} ms", name, backoffMs, e);
  }

  /** How long to wait before the next attempt. */
  long backoffMs() {
    return Math.max(backoffMs, FIRST_BACKOFF_MS);
  }

  void lag(@Nullable Long lag) {
    this.lag = lag;
  }

  ConsumerStatus snapshot() {
    return new ConsumerStatus(
        name,
        topic,
        running,
        failing,
        applied.get(),
        deadLettered.get(),
        lag,
        Map.copyOf(positions),
        lastError,
        lastErrorAt);
  }
}
