package io.ohkay.edge.kafka;

import io.ohkay.schemas.event.Event;
import io.ohkay.schemas.json.Json;
import io.ohkay.schemas.token.SessionRevocations;
import java.time.Clock;
import java.time.Duration;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
public final class RevocationFeed extends TailFeed {

  private static final Logger log = LoggerFactory.getLogger(RevocationFeed.class);

  private final SessionRevocations revocations;

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
    super(
        bootstrapServers,
        topic,
        "revocations",
        SessionRevocations.HORIZON,
        startWait,
        "requests wait for them",
        clock,
        log);
    this.revocations = revocations;
  }

  @Override
  void apply(ConsumerRecord<String, byte[]> record) {
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
