package io.ohkay.command.kafka;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.ohkay.schemas.id.CommandId;
import io.ohkay.schemas.json.Json;
import io.ohkay.schemas.outcome.CommandOutcome;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * Reads every committed outcome (all partitions, from the end at start) and completes the HTTP
 * calls waiting for them. Outcomes are also kept for a while so {@code GET /api/commands/{id}} and
 * late waiters can find them.
 */
public final class OutcomeListener implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(OutcomeListener.class);
  private static final int RECENT_CAPACITY = 100_000;

  /** How long an appended command without outcome is reported PENDING (then unknown). */
  private static final Duration PENDING_FOR = Duration.ofMinutes(10);

  private final KafkaConsumer<String, byte[]> consumer;
  private final String topic;
  private final Map<CommandId, Sinks.One<CommandOutcome>> waiting = new ConcurrentHashMap<>();
  private final Cache<CommandId, Boolean> appended =
      Caffeine.newBuilder().maximumSize(RECENT_CAPACITY).expireAfterWrite(PENDING_FOR).build();
  private final Cache<CommandId, CommandOutcome> recent =
      Caffeine.newBuilder().maximumSize(RECENT_CAPACITY).build();
  private final CountDownLatch positioned = new CountDownLatch(1);
  private final Thread thread;
  private volatile boolean running = true;

  public OutcomeListener(KafkaConsumer<String, byte[]> consumer, String topic) {
    this.consumer = consumer;
    this.topic = topic;
    this.thread = Thread.ofPlatform().name("ohkay-outcomes").daemon().unstarted(this::run);
  }

  /** Starts reading; returns once positioned at the end of every partition. */
  public void start(Duration timeout) throws InterruptedException {
    thread.start();
    if (!positioned.await(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
      throw new IllegalStateException("outcomes topic " + topic + " not readable in " + timeout);
    }
  }

  /** The outcome of {@code commandId}, when it arrives (register before appending the command). */
  public Mono<CommandOutcome> await(CommandId commandId) {
    appended.put(commandId, Boolean.TRUE);
    var sink = waiting.computeIfAbsent(commandId, id -> Sinks.one());
    var known = recentOutcome(commandId);
    known.ifPresent(sink::tryEmitValue);
    return sink.asMono().doFinally(signal -> waiting.remove(commandId, sink));
  }

  /** A recently seen outcome, if any. */
  public Optional<CommandOutcome> recentOutcome(CommandId commandId) {
    return Optional.ofNullable(recent.getIfPresent(commandId));
  }

  /** Whether this command was appended here lately and has no outcome yet. */
  public boolean isPending(CommandId commandId) {
    return appended.getIfPresent(commandId) != null && recentOutcome(commandId).isEmpty();
  }

  public boolean isRunning() {
    return running && thread.isAlive();
  }

  private void run() {
    try {
      var partitions = TopicAssignment.waitForPartitions(consumer, topic, () -> running);
      consumer.assign(partitions);
      consumer.seekToEnd(partitions);
      partitions.forEach(consumer::position);
      positioned.countDown();
      while (running) {
        consumer.poll(Duration.ofMillis(500)).forEach(this::deliver);
      }
    } catch (WakeupException e) {
      // closing
    } catch (RuntimeException e) {
      log.error("outcome listener stopped", e);
    } finally {
      running = false;
      consumer.close(CloseOptions.timeout(Duration.ofSeconds(2)));
    }
  }

  private void deliver(ConsumerRecord<String, byte[]> record) {
    CommandOutcome outcome;
    try {
      outcome = Json.read(record.value(), CommandOutcome.class);
    } catch (RuntimeException e) {
      log.warn("unreadable outcome at {}-{}@{}", topic, record.partition(), record.offset(), e);
      return;
    }
    recent.put(outcome.commandId(), outcome);
    appended.invalidate(outcome.commandId());
    var sink = waiting.get(outcome.commandId());
    if (sink != null) {
      sink.tryEmitValue(outcome);
    }
  }

  @Override
  public void close() {
    running = false;
    consumer.wakeup();
    try {
      thread.join(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
