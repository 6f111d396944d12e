package io.ohkay.command.dm;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ohkay.command.kafka.SignalListener;
import io.ohkay.platform.infra.SharedInfrastructure;
import io.ohkay.schemas.id.UserId;
import io.ohkay.schemas.json.Json;
import io.ohkay.schemas.signal.Presence;
import io.ohkay.schemas.topic.Topics;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** The presence view fed from {@code ohkay.ephemeral} on the real broker, as the command API is. */
class PresenceIT {

  private static final Duration TTL = Duration.ofSeconds(15);

  @Test
  void shouldReadBackRecentSignalsThenFollowLiveSkippingGarbageWhenStarted() throws Exception {
    var kafka = SharedInfrastructure.get().kafka().bootstrapServers();
    var topic = Topics.EPHEMERAL.in(SharedInfrastructure.uniqueName("pr") + "_");
    var alice = new UserId(UUID.randomUUID());
    var bob = new UserId(UUID.randomUUID());
    var now = Instant.now();
    try (var admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka));
        var producer =
            new KafkaProducer<>(
                Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka),
                new StringSerializer(),
                new ByteArraySerializer())) {
      admin.createTopics(List.of(new NewTopic(topic, 6, (short) 1))).all().get();
      // Written a minute ago, beyond the look-back: not read back, however fresh it claims to be.
      producer.send(signal(topic, new Presence(bob, "edge-1", true, now), now.minusSeconds(60)));
      producer.send(signal(topic, new Presence(alice, "edge-1", true, now), now)).get();

      var view = new PresenceView(TTL, Clock.systemUTC());
      try (var listener =
          new SignalListener(consumer(kafka), topic, TTL, Clock.systemUTC(), view::accept)) {
        listener.start(Duration.ofSeconds(60));

        assertThat(view.isOnline(alice)).isTrue();
        assertThat(view.isOnline(bob)).isFalse();

        // Garbage on alice's partition, before her real signal: skipped, and reading goes on.
        for (var garbage :
            new byte[][] {
              "not json".getBytes(UTF_8), "{\"type\":\"typing.v9\"}".getBytes(UTF_8), null
            }) {
          producer.send(new ProducerRecord<>(topic, alice.toString(), garbage));
        }
        producer.send(signal(topic, new Presence(alice, "edge-1", false, Instant.now()), null));
        producer.send(signal(topic, new Presence(bob, "edge-2", true, Instant.now()), null));
        await().atMost(Duration.ofSeconds(20)).until(() -> !view.isOnline(alice));
        await().atMost(Duration.ofSeconds(20)).until(() -> view.isOnline(bob));
        assertThat(listener.isRunning()).isTrue();
      }
    }
  }

  private static ProducerRecord<String, byte[]> signal(
      String topic, Presence presence, @Nullable Instant writtenAt) {
    return new ProducerRecord<>(
        topic,
        null,
        writtenAt == null ? null : writtenAt.toEpochMilli(),
        presence.userId().toString(),
        Json.write(presence));
  }

  private static KafkaConsumer<String, byte[]> consumer(String kafka) {
    return new KafkaConsumer<>(
        Map.<String, Object>of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
            kafka,
            ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
            false),
        new StringDeserializer(),
        new ByteArrayDeserializer());
  }
}
