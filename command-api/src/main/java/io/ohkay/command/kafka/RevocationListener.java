package io.ohkay.command.kafka;

import io.ohkay.schemas.event.Event;
import io.ohkay.schemas.json.Json;
import io.ohkay.schemas.token.SessionRevocations;
import java.time.Clock;
import java.time.Duration;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
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

  private final String topic;
  private final SessionRevocations revocations;
  private final TopicTail tail;

  public RevocationListener(
      KafkaConsumer<String, byte[]> consumer,
      String topic,
      SessionRevocations revocations,
      Clock clock) {
    this.topic = topic;
    this.revocations = revocations;
    this.tail =
        new TopicTail(
            "ohkay-revocations",
            consumer,
            topic,
            TopicTail.since(clock, SessionRevocations.HORIZON),
            this::apply);
  }

  /** Starts reading; returns once the history within the horizon has been applied. */
  public void start(Duration timeout) throws InterruptedException {
    tail.start(timeout);
  }

  public boolean isRunning() {
    return tail.isRunning();
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
    tail.close();
  }
}
