package io.ohkay.edge.kafka;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.slf4j.Logger;
import org.springframework.context.SmartLifecycle;

/**
 * A feed of the edge that follows every partition of one topic on a consumer and a thread of its
 * own ({@link RecentTail}: each partition from its first record stamped within a look-back, then
 * live; no consumer group, every edge reads everything) and hands each record to {@link #apply}. It
 * starts before the web server and waits (bounded) for the read-back; {@link #loaded()} stays false
 * until the read-back is complete.
 */
public abstract sealed class TailFeed implements SmartLifecycle
    permits RevocationFeed, EphemeralFeed {

  /** Before the web server (phase {@code DEFAULT_PHASE - 2048}): the read-backs gate requests. */
  static final int PHASE = DEFAULT_PHASE - 4096;

  private final String feedName;
  private final Duration startWait;
  private final String whenLate;
  private final Logger log;
  private final CountDownLatch loadedLatch = new CountDownLatch(1);
  private final RecentTail tail;
  private final PollThread poller;

  /**
   * @param bootstrapServers the Kafka cluster
   * @param topic the topic, full name
   * @param name the feed's name: its consumer's client id and thread are {@code ohkay-edge-<name>}
   * @param lookBack how far back the read-back at start goes
   * @param startWait how long {@link #start()} waits for the read-back
   * @param whenLate what the application does meanwhile when the read-back takes longer, for the
   *     log
   * @param clock where the look-back is measured from
   * @param log the feed's logger
   */
  TailFeed(
      String bootstrapServers,
      String topic,
      String name,
      Duration lookBack,
      Duration startWait,
      String whenLate,
      Clock clock,
      Logger log) {
    var settings = new HashMap<>(EventFeed.consumerConfig(bootstrapServers));
    settings.put(ConsumerConfig.CLIENT_ID_CONFIG, "ohkay-edge-" + name);
    this.startWait = startWait;
    this.whenLate = whenLate;
    this.log = log;
    this.feedName = name + " feed";
    this.tail = new RecentTail(topic, lookBack, clock, feedName, log);
    this.poller =
        new PollThread(
            "ohkay-edge-" + name, feedName, log, Map.copyOf(settings), kafka -> () -> turn(kafka));
  }

  /** Takes one record, on the feed's thread; a record it cannot read is skipped, never thrown. */
  abstract void apply(ConsumerRecord<String, byte[]> record);

  /** Whether the read-back of the look-back is complete. */
  public boolean loaded() {
    return loadedLatch.getCount() == 0;
  }

  @Override
  public void start() {
    poller.start();
    try {
      if (!loadedLatch.await(startWait.toMillis(), TimeUnit.MILLISECONDS)) {
        log.warn("{} not read back after {}; {}", feedName, startWait, whenLate);
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

  @Override
  public int getPhase() {
    return PHASE;
  }

  private void turn(KafkaConsumer<String, byte[]> kafka) {
    if (tail.turn(kafka, poller, this::apply)) {
      loadedLatch.countDown();
    }
  }
}
