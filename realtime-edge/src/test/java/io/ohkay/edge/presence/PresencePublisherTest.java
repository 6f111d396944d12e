package io.ohkay.edge.presence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ohkay.schemas.id.UserId;
import io.ohkay.schemas.signal.Presence;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PresencePublisherTest {

  private static final Instant NOW = Instant.parse("2026-01-19T12:00:00Z");
  private static final Duration INTERVAL = Duration.ofMillis(100);

  private final List<Presence> sent = new CopyOnWriteArrayList<>();
  private final PresencePublisher publisher =
      new PresencePublisher("edge-1", INTERVAL, Clock.fixed(NOW, ZoneOffset.UTC), sent::add);
  private final UserId ada = new UserId(UUID.randomUUID());
  private final UserId bob = new UserId(UUID.randomUUID());

  @AfterEach
  void close() {
    publisher.stop();
    publisher.close();
  }

  @Test
  void shouldSendOneOnlineSignalWhenAUserComesOnline() {
    publisher.online(ada);
    publisher.online(ada);

    await().until(() -> !sent.isEmpty());
    publisher.stop();
    assertThat(sent).containsExactly(new Presence(ada, "edge-1", true, NOW));
    assertThat(publisher.onlineUsers()).containsExactly(ada);
  }

  @Test
  void shouldSendOfflineAfterOnlineWhenTheUserGoesOffline() {
    publisher.online(ada);
    publisher.offline(ada);
    publisher.offline(bob);

    await().until(() -> sent.size() == 2);
    publisher.stop();
    assertThat(sent)
        .containsExactly(
            new Presence(ada, "edge-1", true, NOW), new Presence(ada, "edge-1", false, NOW));
    assertThat(publisher.onlineUsers()).isEmpty();
  }

  @Test
  void shouldRepeatTheOnlineSignalOfEveryOnlineUserWhenTheIntervalPasses() {
    publisher.start();
    publisher.online(ada);
    publisher.online(bob);
    publisher.offline(bob);

    await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> sent.stream().filter(p -> p.userId().equals(ada)).count() >= 3);
    publisher.stop();
    assertThat(sent.stream().filter(p -> p.userId().equals(bob)))
        .extracting(Presence::online)
        .containsExactly(true, false);
    assertThat(sent.stream().filter(p -> p.userId().equals(ada))).allMatch(Presence::online);
    assertThat(publisher.isRunning()).isFalse();
  }

  @Test
  void shouldStopRepeatingWhenStopped() {
    publisher.start();
    publisher.online(ada);
    publisher.stop();
    var sentAtStop = sent.size();

    assertThat(sentAtStop).isEqualTo(1);
    await()
        .during(INTERVAL.multipliedBy(3))
        .atMost(Duration.ofSeconds(2))
        .until(() -> sent.size() == sentAtStop);
  }

  @Test
  void shouldKeepSendingWhenOneSignalFails() {
    var failing =
        new PresencePublisher(
            "edge-2",
            INTERVAL,
            Clock.fixed(NOW, ZoneOffset.UTC),
            presence -> {
              if (presence.online()) {
                throw new IllegalStateException("broker down");
              }
              sent.add(presence);
            });
    try {
      failing.online(ada);
      failing.offline(ada);

      await().until(() -> !sent.isEmpty());
      assertThat(sent).containsExactly(new Presence(ada, "edge-2", false, NOW));
    } finally {
      failing.close();
    }
  }

  @Test
  void shouldSendTheIdleFlagAtOnceWhenItChangesWhileOnlineAndForgetItWhenOffline() {
    publisher.idle(ada, true);
    publisher.online(ada);
    publisher.idle(ada, true);
    publisher.idle(ada, false);
    publisher.idle(ada, true);
    publisher.offline(ada);
    publisher.online(ada);
    publisher.idle(bob, true);

    await().until(() -> sent.size() == 5);
    publisher.stop();
    assertThat(sent)
        .containsExactly(
            new Presence(ada, "edge-1", true, NOW, true),
            new Presence(ada, "edge-1", true, NOW, false),
            new Presence(ada, "edge-1", true, NOW, true),
            new Presence(ada, "edge-1", false, NOW, false),
            new Presence(ada, "edge-1", true, NOW, false));
  }

  @Test
  void shouldRepeatTheIdleFlagWhenTheIntervalPasses() {
    publisher.start();
    publisher.online(ada);
    publisher.idle(ada, true);

    await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> sent.stream().filter(Presence::idle).count() >= 3);
    publisher.stop();
    assertThat(sent.getFirst().idle()).isFalse();
    assertThat(sent.subList(1, sent.size())).allMatch(Presence::idle);
  }
}
