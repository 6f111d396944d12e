package io.ohkay.command.kafka;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.ohkay.schemas.id.CommandId;
import io.ohkay.schemas.json.Json;
import io.ohkay.schemas.outcome.CommandOutcome;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
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

  private final String topic;
  private final Map<CommandId, Sinks.One<CommandOutcome>> waiting = new ConcurrentHashMap<>();
  private final Cache<CommandId, Boolean> appended =
      Caffeine.newBuilder().maximumSize(RECENT_CAPACITY).expireAfterWrite(PENDING_FOR).build();
  private final Cache<CommandId, CommandOutcome> recent =
      Caffeine.newBuilder().maximumSize(RECENT_CAPACITY).build();
  private final TopicTail tail;
  private final List<Consumer<CommandOutcome>> observers = new CopyOnWriteArrayList<>();

  public OutcomeListener(KafkaConsumer<String, byte[]> consumer, String topic) {
    this.topic = topic;
    this.tail = new TopicTail("ohkay-outcomes", consumer, topic, TopicTail.FROM_END, this::deliver);
  }

  /** Starts reading; returns once positioned at the end of every partition. */
  public void start(Duration timeout) throws InterruptedException {
    tail.start(timeout);
  }

  /**
   * Also hands every outcome read to {@code observer}, on the listener's thread, before anyone
   * waiting for it is answered: it must be quick and must not block.
   */
  public void observe(Consumer<CommandOutcome> observer) {
    observers.add(observer);
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
    return tail.isRunning();
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
    observers.forEach(observer -> observer.accept(outcome));
    var sink = waiting.get(outcome.commandId());
    if (sink != null) {
      sink.tryEmitValue(outcome);
    }
  }

  @Override
  public void close() {
    tail.close();
  }
}
