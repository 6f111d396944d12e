package io.ohkay.edge.kafka;

import io.ohkay.schemas.json.Json;
import io.ohkay.schemas.signal.Signal;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands every signal of {@code ohkay.ephemeral} to a handler, on one thread, in each partition's
 * order: at start every partition is read back from the first record stamped within {@code
 * lookBack} (so a fresh edge knows who is online), then followed live. No consumer group: every
 * edge reads every partition. A record this version cannot read (garbage, an unknown signal type)
 * is skipped.
 *
 * <p>A consumer of its own, apart from the events feed: signals are not transactional, need no
 * cursor and must never delay the events. Its start waits (bounded) for the read-back, so the first
 * presence queries already see the users online elsewhere.
 */
public final class EphemeralFeed extends TailFeed {

  private static final Logger log = LoggerFactory.getLogger(EphemeralFeed.class);

  private final Consumer<Signal> handler;

  /**
   * @param bootstrapServers the Kafka cluster
   * @param topic the ephemeral topic, full name
   * @param lookBack how far back the read-back at start goes (the signals still meaningful)
   * @param startWait how long {@link #start()} waits for the read-back before letting the
   *     application go on
   * @param clock where the look-back is measured from
   * @param handler takes each signal; called on the feed's thread, returns at once
   */
  public EphemeralFeed(
      String bootstrapServers,
      String topic,
      Duration lookBack,
      Duration startWait,
      Clock clock,
      Consumer<Signal> handler) {
    super(
        bootstrapServers,
        topic,
        "ephemeral",
        lookBack,
        startWait,
        "presence fills in as signals arrive",
        clock,
        log);
    this.handler = handler;
  }

  @Override
  void apply(ConsumerRecord<String, byte[]> record) {
    Signal signal;
    try {
      signal = Json.read(record.value(), Signal.class);
    } catch (RuntimeException e) {
      log.debug(
          "ephemeral feed skips {}-{}@{}", record.topic(), record.partition(), record.offset());
      return;
    }
    try {
      handler.accept(signal);
    } catch (RuntimeException e) {
      log.warn("a signal was not handled: {}", e.toString());
    }
  }
}
