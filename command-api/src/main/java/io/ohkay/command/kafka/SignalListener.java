package io.ohkay.command.kafka;

import io.ohkay.schemas.json.Json;
import io.ohkay.schemas.signal.Signal;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands every signal of {@code ohkay.ephemeral} to a handler: at start it reads back {@code
 * lookBack} (the signals still meaningful), then follows live. No consumer group: every instance
 * reads every partition. A signal this version cannot read is skipped.
 */
public final class SignalListener implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(SignalListener.class);

  private final String topic;
  private final Consumer<Signal> handler;
  private final TopicTail tail;

  public SignalListener(
      KafkaConsumer<String, byte[]> consumer,
      String topic,
      Duration lookBack,
      Clock clock,
      Consumer<Signal> handler) {
    this.topic = topic;
    this.handler = handler;
    this.tail =
        new TopicTail(
            "ohkay-signals", consumer, topic, TopicTail.since(clock, lookBack), this::apply);
  }

  /** Starts reading; returns once the signals within the look-back have been handled. */
  public void start(Duration timeout) throws InterruptedException {
    tail.start(timeout);
  }

  public boolean isRunning() {
    return tail.isRunning();
  }

  private void apply(ConsumerRecord<String, byte[]> record) {
    Signal signal;
    try {
      signal = Json.read(record.value(), Signal.class);
    } catch (RuntimeException e) {
      log.debug("skipped {}-{}@{}", topic, record.partition(), record.offset());
      return;
    }
    handler.accept(signal);
  }

  @Override
  public void close() {
    tail.close();
  }
}
