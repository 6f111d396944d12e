package io.ohkay.edge.presence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ohkay.edge.kafka.EphemeralFeed;
import io.ohkay.edge.kafka.SignalProducer;
import io.ohkay.platform.infra.SharedInfrastructure;
import io.ohkay.schemas.id.UserId;
import io.ohkay.schemas.signal.Presence;
import io.ohkay.schemas.signal.Signal;
import io.ohkay.schemas.signal.Typing;
import io.ohkay.schemas.topic.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Presence boards of separate edges, each fed by its own ephemeral feed from the real broker, agree
 * on every user's status; one started later reads the recent signals back and agrees too.
 */
class PresenceBoardsIT {

  private static final Duration TTL = Duration.ofSeconds(15);
  private static final Duration WAIT = Duration.ofSeconds(20);

  private final String bootstrap = SharedInfrastructure.get().kafka().bootstrapServers();
  private final String topic = Topics.EPHEMERAL.in(SharedInfrastructure.uniqueName("boards") + "_");
  private final List<AutoCloseable> open = new ArrayList<>();

  @AfterEach
  void close() throws Exception {
    for (var closeable : open.reversed()) {
      closeable.close();
    }
  }

  @Test
  void shouldAgreeOnEveryStatusWhenTwoEdgesFollowTheSameSignals() throws Exception {
    createTopic();
    var ada = new UserId(UUID.randomUUID());
    var bob = new UserId(UUID.randomUUID());
    var first = edge();
    var second = edge();
    var producer = producer();
    var now = Instant.now();

    producer.send(ada.toString(), new Presence(ada, "edge-1", true, now, true));
    producer.send(bob.toString(), new Presence(bob, "edge-1", true, now, false));
    producer.send(bob.toString(), new Presence(bob, "edge-2", true, now, true));
    producer.send(bob.toString(), new Presence(bob, "edge-1", false, now, false));
    var typing = Typing.inConversation(ada, bob, now);
    producer.send(typing.key(), typing);
    garbage();

    for (var edge : List.of(first, second)) {
      await().atMost(WAIT).until(() -> edge.board().status(ada) == PresenceStatus.IDLE);
      await().atMost(WAIT).until(() -> edge.board().status(bob) == PresenceStatus.IDLE);
      await().atMost(WAIT).until(() -> edge.typed().contains(typing));
    }
    producer.send(ada.toString(), new Presence(ada, "edge-1", true, Instant.now(), false));

    for (var edge : List.of(first, second)) {
      await().atMost(WAIT).until(() -> edge.board().status(ada) == PresenceStatus.ONLINE);
    }
    var late = edge();
    assertThat(late.feed().loaded()).isTrue();
    await().atMost(WAIT).until(() -> late.board().status(ada) == PresenceStatus.ONLINE);
    assertThat(late.board().status(bob)).isEqualTo(PresenceStatus.IDLE);
  }

  private record Edge(PresenceBoard board, EphemeralFeed feed, List<Typing> typed) {}

  private Edge edge() {
    var board = new PresenceBoard(TTL, Duration.ofMillis(200), Clock.systemUTC());
    var typed = new CopyOnWriteArrayList<Typing>();
    board.listen(
        new PresenceListener() {
          @Override
          public void presenceChanged(UserId user, PresenceStatus status) {}

          @Override
          public void typing(Typing typing) {
            typed.add(typing);
          }
        });
    board.start();
    open.add(board);
    var feed =
        new EphemeralFeed(
            bootstrap, topic, TTL, Duration.ofSeconds(10), Clock.systemUTC(), board::accept);
    feed.start();
    open.add(feed::stop);
    return new Edge(board, feed, typed);
  }

  private Sender producer() {
    var producer = new SignalProducer(bootstrap, topic);
    open.add(producer);
    return producer::send;
  }

  @FunctionalInterface
  private interface Sender {
    void send(String key, Signal signal);
  }

  private void garbage() throws Exception {
    try (var raw =
        new KafkaProducer<>(
            Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap),
            new StringSerializer(),
            new ByteArraySerializer())) {
      raw.send(
              new ProducerRecord<>(
                  topic, "x", "{\"type\":\"nope.v9\"}".getBytes(StandardCharsets.UTF_8)))
          .get();
      raw.send(new ProducerRecord<>(topic, "y", "not json".getBytes(StandardCharsets.UTF_8))).get();
    }
  }

  private void createTopic() throws Exception {
    try (var admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
      admin.createTopics(List.of(new NewTopic(topic, 3, (short) 1))).all().get();
    }
  }
}
