package io.ohkay.edge.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ohkay.platform.infra.SharedInfrastructure;
import io.ohkay.schemas.event.Event;
import io.ohkay.schemas.event.SessionRevoked;
import io.ohkay.schemas.id.CommandId;
import io.ohkay.schemas.id.SessionId;
import io.ohkay.schemas.id.UserId;
import io.ohkay.schemas.json.Json;
import io.ohkay.schemas.token.AccessTokenClaims;
import io.ohkay.schemas.token.SessionRevocations;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The revocation feed on the real broker: a missing topic, a topic appearing later, bad records.
 */
class RevocationFeedIT {

  private static final Duration WAIT = Duration.ofSeconds(30);

  private final String bootstrap = SharedInfrastructure.get().kafka().bootstrapServers();
  private final String topic = SharedInfrastructure.uniqueName("rev") + "ohkay.auth.events";
  private final SessionRevocations revocations = new SessionRevocations();
  private @Nullable RevocationFeed feed;

  @AfterEach
  void stop() {
    if (feed != null) {
      feed.stop();
    }
  }

  @Test
  void shouldBeLoadedWhenTheTopicIsMissingAndReadItWholeWhenItAppearsLater() throws Exception {
    var running = new RevocationFeed(bootstrap, topic, revocations, WAIT, Clock.systemUTC());
    feed = running;
    running.start();
    assertThat(running.loaded()).isTrue();

    var user = UUID.randomUUID();
    var session = UUID.randomUUID();
    createTopic();
    send("not an event".getBytes(StandardCharsets.UTF_8), Json.write(revoked(user, session)));

    await().atMost(WAIT).until(() -> revocations.isRevoked(claims(user, session)));
    assertThat(revocations.isRevoked(claims(user, UUID.randomUUID()))).isFalse();
    assertThat(running.isRunning()).isTrue();
  }

  @Test
  void shouldNotReadBackRevocationsOlderThanTheHorizonWhenStarting() throws Exception {
    createTopic();
    var user = UUID.randomUUID();
    var session = UUID.randomUUID();
    send(Json.write(revoked(user, session)));
    var later = Clock.offset(Clock.systemUTC(), SessionRevocations.HORIZON.plusMinutes(1));
    var running = new RevocationFeed(bootstrap, topic, revocations, WAIT, later);
    feed = running;

    running.start();

    assertThat(running.loaded()).isTrue();
    assertThat(revocations.isRevoked(claims(user, session))).isFalse();
  }

  private static AccessTokenClaims claims(UUID user, UUID session) {
    var now = Instant.now();
    return new AccessTokenClaims(
        new UserId(user), new SessionId(session), now, now.plusSeconds(600));
  }

  private static Event revoked(UUID user, UUID session) {
    return Event.decided(
        new CommandId(UUID.randomUUID()),
        0,
        user,
        1,
        Instant.now(),
        new UserId(user),
        new SessionRevoked(
            new UserId(user), new SessionId(session), SessionRevoked.Reason.SIGNED_OUT));
  }

  private void createTopic() throws Exception {
    try (var admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
      admin.createTopics(List.of(new NewTopic(topic, 2, (short) 1))).all().get();
    }
  }

  private void send(byte[]... values) throws Exception {
    try (var producer =
        new KafkaProducer<>(
            Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap),
            new StringSerializer(),
            new ByteArraySerializer())) {
      for (var value : values) {
        producer.send(new ProducerRecord<>(topic, "k", value)).get();
      }
    }
  }
}
