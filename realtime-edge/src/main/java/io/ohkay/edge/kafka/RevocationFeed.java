package io.ohkay.edge.kafka;

import io.ohkay.schemas.event.Event;
import io.ohkay.schemas.json.Json;
import io.ohkay.schemas.token.SessionRevocations;
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
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import tools.jackson.core.JacksonException;

/**
 * Feeds the edge's {@link SessionRevocations} from the auth events topic: every partition is read
 * from the first record stamped within the last {@link SessionRevocations#HORIZON} (so a restarted
 * edge still refuses tokens revoked before it), then followed live.
 *
 * <p>A consumer of its own rather than a mode of {@link EventFeed}: it starts in the past while the
 * live feed starts at the end, so replayed history can never reach a stream and an hour of account
 * events never delays live delivery. It starts before the web server and waits (bounded) for the
 * read-back; {@link #loaded()} stays false until the read-back is complete, so no token is checked
 * against a partial set.
 */
public final class RevocationFeed implements SmartLifecycle {

  /** Before the web server (phase {@code DEFAULT_PHASE - 2048}): the read-back gates requests. */
  static final int PHASE = DEFAULT_PHASE - 4096;

  private static final Logger log = LoggerFactory.getLogger(RevocationFeed.class);

  private final SessionRevocations revocations;
  private final Duration startWait;
  private final CountDownLatch loadedLatch = new CountDownLatch(1);
  private final RecentTail tail;
  private final PollThread poller;

  /**
   * @param bootstrapServers the Kafka cluster
   * @param topic the auth events topic, full name
   * @param revocations what the feed records revocations into
   * @param startWait how long {@link #start()} waits for the read-back before letting the
   *     application go on (requests are refused meanwhile)
   * @param clock where "the last {@link SessionRevocations#HORIZON}" is measured from
   */
  public RevocationFeed(
      String bootstrapServers,
      String topic,
      SessionRevocations revocations,
      Duration startWait,
      Clock clock) {
    var settings = new HashMap<>(EventFeed.consumerConfig(bootstrapServers));
    settings.put(ConsumerConfig.CLIENT_ID_CONFIG, "ohkay-edge-revocations");
    this.revocations = revocations;
    this.startWait = startWait;
    this.tail = new RecentTail(topic, SessionRevocations.HORIZON, clock, "revocation feed", log);
    this.poller =
        new PollThread(
            "ohkay-edge-revocations",
            "revocation feed",
            log,
            Map.copyOf(settings),
            kafka -> () -> turn(kafka));
  }

  /** Whether the read-back of the last {@link SessionRevocations#HORIZON} is complete. */
  public boolean loaded() {
    return loadedLatch.getCount() == 0;
  }

  @Override
  public void start() {
    poller.start();
    try {
      if (!loadedLatch.await(startWait.toMillis(), TimeUnit.MILLISECONDS)) {
        log.warn("revocations not read back after {}; requests wait for them", startWait);
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

  private void apply(ConsumerRecord<String, byte[]> record) {
    var value = record.value();
    if (value == null) {
      return;
    }
    try {
      revocations.apply(Json.read(value, Event.class));
    } catch (JacksonException | IllegalArgumentException e) {
      // Not an event this edge knows (or not an envelope): it cannot be a revocation it honours.
      log.debug(
          "revocation feed skips {}-{}@{}", record.topic(), record.partition(), record.offset());
    }
  }
}
