package io.ohkay.edge.kafka;

import io.ohkay.schemas.json.Json;
import io.ohkay.schemas.signal.Signal;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Hands every signal of {@code ohkay.ephemeral} to a handler, on one thread, in each partition's
 * order: at start every partition is read back from the first record stamped within {@code
 * lookBack} (so a fresh edge knows who is online), then followed live. No consumer group: every
 * edge reads every partition. A record this version cannot read (garbage, an unknown signal type)
 * is skipped.
 *
 * <p>A consumer of its own, apart from the events feed: signals are not transactional, need no
 * cursor and must never delay the events. Starts before the web server and waits (bounded) for the
 * read-back, so the first presence queries already see the users online elsewhere.
 */
public final class EphemeralFeed implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(EphemeralFeed.class);

  private final Consumer<Signal> handler;
  private final Duration startWait;
  private final CountDownLatch loadedLatch = new CountDownLatch(1);
  private final RecentTail tail;
  private final PollThread poller;

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
    var settings = new HashMap<>(EventFeed.consumerConfig(bootstrapServers));
    settings.put(ConsumerConfig.CLIENT_ID_CONFIG, "ohkay-edge-ephemeral");
    this.handler = handler;
    this.startWait = startWait;
    this.tail = new RecentTail(topic, lookBack, clock, "ephemeral feed", log);
    this.poller =
        new PollThread(
            "ohkay-edge-ephemeral",
            "ephemeral feed",
            log,
            Map.copyOf(settings),
            kafka -> () -> turn(kafka));
  }

  /** Whether the read-back of the look-back is complete. */
  public boolean loaded() {
    return loadedLatch.getCount() == 0;
  }

  @Override
  public void start() {
    poller.start();
    try {
      if (!loadedLatch.await(startWait.toMillis(), TimeUnit.MILLISECONDS)) {
        log.warn("signals not read back after {}; presence fills in as they arrive", startWait);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void stop() {
    poller.stop();
  }

  @Override
  public boolean isRunning() {
    return poller.isRunning();
  }

  /** With the revocation feed, before the web server. */
  @Override
  public int getPhase() {
    return RevocationFeed.PHASE;
  }

  private void turn(KafkaConsumer<String, byte[]> kafka) {
    if (tail.turn(kafka, poller, this::apply)) {
      loadedLatch.countDown();
    }
  }

  private void apply(ConsumerRecord<String, byte[]> record) {
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
