package io.ohkay.edge.kafka;

import io.ohkay.schemas.event.Event;
import io.ohkay.schemas.json.Json;
import io.ohkay.schemas.token.SessionRevocations;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
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
  private static final Duration METADATA_TIMEOUT = Duration.ofSeconds(5);
  private static final Duration WHILE_TOPIC_MISSING = Duration.ofSeconds(1);
  private static final Duration WHILE_COMPLETE = Duration.ofSeconds(30);

  private final String topic;
  private final SessionRevocations revocations;
  private final Duration startWait;
  private final Clock clock;
  private final CountDownLatch loadedLatch = new CountDownLatch(1);
  private final ReadBack readBack = new ReadBack();
  private final PollThread poller;
  private long nextLookNanos = System.nanoTime();

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
    this.topic = topic;
    this.revocations = revocations;
    this.startWait = startWait;
    this.clock = clock;
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
    refreshIfDue(kafka);
    if (!kafka.assignment().isEmpty()) {
      kafka.poll(PollThread.POLL).forEach(this::apply);
    } else {
      poller.pause(WHILE_TOPIC_MISSING);
    }
    if (readBack.reached(p -> kafka.position(p, METADATA_TIMEOUT))) {
      loadedLatch.countDown();
    }
  }

  private void refreshIfDue(KafkaConsumer<String, byte[]> kafka) {
    if (System.nanoTime() - nextLookNanos < 0) {
      return;
    }
    var found = new HashSet<TopicPartition>();
    var partitions = kafka.partitionsFor(topic, METADATA_TIMEOUT);
    if (partitions != null) {
      partitions.forEach(p -> found.add(new TopicPartition(p.topic(), p.partition())));
    }
    found.removeAll(kafka.assignment());
    if (!found.isEmpty()) {
      assign(kafka, found);
    }
    readBack.looked();
    nextLookNanos =
        System.nanoTime()
            + (partitions == null || partitions.isEmpty() ? WHILE_TOPIC_MISSING : WHILE_COMPLETE)
                .toNanos();
  }

  private void assign(KafkaConsumer<String, byte[]> kafka, HashSet<TopicPartition> fresh) {
    // Positions are looked up before assigning: a failure then leaves the partitions unassigned
    // and retried, never assigned without a read-back target.
    var since = clock.instant().minus(SessionRevocations.HORIZON).toEpochMilli();
    var query = new HashMap<TopicPartition, Long>();
    fresh.forEach(p -> query.put(p, since));
    var starts = kafka.offsetsForTimes(query, METADATA_TIMEOUT);
    var ends = kafka.endOffsets(fresh, METADATA_TIMEOUT);
    var all = new ArrayList<>(kafka.assignment());
    all.addAll(fresh);
    kafka.assign(all);
    for (var partition : fresh) {
      var start = starts.get(partition);
      var end = ends.getOrDefault(partition, 0L);
      kafka.seek(partition, start == null ? end : start.offset());
      readBack.target(partition, end);
    }
    log.info("revocation feed reads back {} partitions of {}", fresh.size(), topic);
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
