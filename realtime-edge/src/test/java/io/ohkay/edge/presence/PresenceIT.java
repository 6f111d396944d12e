package io.ohkay.edge.presence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ohkay.edge.EdgeIntegrationTest;
import io.ohkay.edge.EdgeTestEnvironment;
import io.ohkay.edge.SseConnection;
import io.ohkay.schemas.id.UserId;
import io.ohkay.schemas.json.Json;
import io.ohkay.schemas.signal.Presence;
import io.ohkay.schemas.signal.Signal;
import io.ohkay.schemas.topic.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The presence signals on the real broker as real streams open and close: online on a user's first
 * stream, repeated while one lasts, offline after the last.
 */
@EdgeIntegrationTest(
    properties = {"ohkay.edge.presence-interval=300ms", "ohkay.edge.instance-id=edge-it"})
class PresenceIT {

  @RegisterExtension static final EdgeTestEnvironment ENV = EdgeTestEnvironment.create("presence");
  private static final Duration WAIT = Duration.ofSeconds(20);

  @LocalServerPort int port;
  private final List<SseConnection> open = new ArrayList<>();
  private final List<Presence> signals = new ArrayList<>();
  private KafkaConsumer<String, byte[]> consumer;

  @BeforeEach
  void subscribe() {
    consumer = ENV.readFromStart(Topics.EPHEMERAL);
  }

  @AfterEach
  void close() {
    open.forEach(SseConnection::close);
    consumer.close();
  }

  @Test
  void shouldAnnounceTheFirstStreamAndTheEndOfTheLastOnlyWhenAUserHasTwo() {
    var user = new UserId(UUID.randomUUID());
    var phone = connect(user);
    var laptop = connect(user);
    await().atMost(WAIT).pollInSameThread().until(() -> !signalsOf(user).isEmpty());

    phone.close();
    await()
        .atMost(WAIT)
        .pollInSameThread()
        .until(() -> signalsOf(user).stream().filter(Presence::online).count() >= 4);
    assertThat(signalsOf(user)).allMatch(Presence::online);
    laptop.close();
    await().atMost(WAIT).pollInSameThread().until(() -> !signalsOf(user).getLast().online());
    await()
        .during(Duration.ofSeconds(1))
        .atMost(WAIT)
        .pollInSameThread()
        .until(() -> !signalsOf(user).getLast().online());

    var all = signalsOf(user);
    assertThat(all).allMatch(signal -> signal.instanceId().equals("edge-it"));
    assertThat(all.stream().filter(signal -> !signal.online())).hasSize(1);
    assertThat(all.getFirst().online()).isTrue();
  }

  @Test
  void shouldRepeatTheOnlineSignalWithAFreshTimeWhileTheStreamLasts() {
    var user = new UserId(UUID.randomUUID());
    connect(user);

    await().atMost(WAIT).pollInSameThread().until(() -> signalsOf(user).size() >= 3);

    var times = signalsOf(user).stream().map(Presence::at).toList();
    assertThat(signalsOf(user)).allMatch(Presence::online);
    assertThat(times).isSorted().doesNotHaveDuplicates();
  }

  private SseConnection connect(UserId user) {
    var stream = SseConnection.reading(port, ENV.tokens().valid(user.value()));
    open.add(stream);
    await().atMost(WAIT).until(() -> !stream.events("ready").isEmpty());
    return stream;
  }

  /** The signals about {@code user} read so far, in the order its partition holds them. */
  private List<Presence> signalsOf(UserId user) {
    consumer
        .poll(Duration.ofMillis(100))
        .forEach(record -> signals.add((Presence) Json.read(record.value(), Signal.class)));
    return signals.stream().filter(signal -> signal.userId().equals(user)).toList();
  }
}
