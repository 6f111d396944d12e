package io.ohkay.command.kafka;

import io.ohkay.schemas.event.Event;
import io.ohkay.schemas.json.Json;
import io.ohkay.schemas.token.SessionRevocations;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Feeds this instance's {@link SessionRevocations} from the auth events topic (read_committed): at
 * start it reads back {@link SessionRevocations#HORIZON}, the longest an access token of a revoked
 * session can still be unexpired, then follows live. So a session revoked through another instance,
 * or before a restart, is refused here too.
 */
public final class RevocationListener implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(RevocationListener.class);

  private final KafkaConsumer<String, byte[]> consumer;
  private final String topic;
  private final SessionRevocations revocations;
  private final Clock clock;
  private final CountDownLatch caughtUp = new CountDownLatch(1);
  private final Thread thread;
  private volatile boolean running = true;

  public RevocationListener(
      KafkaConsumer<String, byte[]> consumer,
      String topic,
      SessionRevocations revocations,
      Clock clock) {
    this.consumer = consumer;
    this.topic = topic;
    this.revocations = revocations;
    this.clock = clock;
    this.thread = Thread.ofPlatform().name("ohkay-revocations").daemon().unstarted(this::run);
  }

  /** Starts reading; returns once the history within the horizon has been applied. */
  public void start(Duration timeout) throws InterruptedException {
    thread.start();
    if (!caughtUp.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      throw new IllegalStateException("auth events " + topic + " not readable in " + timeout);
    }
  }

  public boolean isRunning() {
    return running && thread.isAlive();
  }

  private void run() {
    try {
      var partitions = TopicAssignment.waitForPartitions(consumer, topic, () -> running);
      consumer.assign(partitions);
      var since = clock.millis() - SessionRevocations.HORIZON.toMillis();
      var query = new HashMap<TopicPartition, Long>();
      partitions.forEach(partition -> query.put(partition, since));
      var starts = consumer.offsetsForTimes(query);
      var ends = consumer.endOffsets(partitions);
      for (var partition : partitions) {
        var start = starts.get(partition);
        consumer.seek(partition, start == null ? ends.get(partition) : start.offset());
      }
      while (running) {
        consumer.poll(Duration.ofMillis(200)).forEach(this::apply);
        if (caughtUp.getCount() > 0
            && partitions.stream().allMatch(p -> consumer.position(p) >= ends.get(p))) {
          caughtUp.countDown();
        }
      }
    } catch (WakeupException e) {
      // closing
    } catch (RuntimeException e) {
      log.error("revocation listener stopped", e);
    } finally {
      running = false;
      consumer.close(CloseOptions.timeout(Duration.ofSeconds(2)));
    }
  }

  private void apply(ConsumerRecord<String, byte[]> record) {
    try {
      revocations.apply(Json.read(record.value(), Event.class));
    } catch (RuntimeException e) {
      // Not an event this version can read: it revokes nothing it knows of.
      log.debug("skipped {}-{}@{}", topic, record.partition(), record.offset());
    }
  }

  @Override
  public void close() {
    running = false;
    consumer.wakeup();
    try {
      thread.join(Duration.ofSeconds(5));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
