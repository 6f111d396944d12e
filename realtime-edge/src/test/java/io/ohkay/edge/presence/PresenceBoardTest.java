package io.ohkay.edge.presence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ohkay.schemas.id.UserId;
import io.ohkay.schemas.signal.Presence;
import io.ohkay.schemas.signal.Typing;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PresenceBoardTest {

  private static final Duration TTL = Duration.ofSeconds(15);
  private static final UserId ADA = new UserId(UUID.randomUUID());
  private static final UserId BOB = new UserId(UUID.randomUUID());

  private volatile Instant now = Instant.parse("2026-01-19T12:00:00Z");
  private final PresenceBoard board = new PresenceBoard(TTL, Duration.ofMillis(50), () -> now);
  private final List<String> told = new CopyOnWriteArrayList<>();
  private final List<Typing> typed = new CopyOnWriteArrayList<>();

  @BeforeEach
  void listen() {
    board.listen(
        new PresenceListener() {
          @Override
          public void presenceChanged(UserId user, PresenceStatus status) {
            told.add(name(user) + " " + status.wireName());
          }

          @Override
          public void typing(Typing typing) {
            typed.add(typing);
          }
        });
  }

  @AfterEach
  void close() {
    board.stop();
    board.close();
  }

  @Test
  void shouldBeOnlineWhileOneInstanceSaysSoAndOfflineWhenTheLastTakesItBack() {
    board.apply(online(ADA, "edge-1", false));
    board.apply(online(ADA, "edge-2", false));
    board.apply(offline(ADA, "edge-1"));

    assertThat(board.status(ADA)).isEqualTo(PresenceStatus.ONLINE);
    board.apply(offline(ADA, "edge-2"));

    assertThat(board.status(ADA)).isEqualTo(PresenceStatus.OFFLINE);
    assertThat(told).containsExactly("ada online", "ada offline");
  }

  @Test
  void shouldBeIdleOnlyWhenEveryLiveInstanceSaysIdle() {
    board.apply(online(ADA, "edge-1", true));
    board.apply(online(ADA, "edge-2", false));

    assertThat(board.status(ADA)).isEqualTo(PresenceStatus.ONLINE);
    board.apply(online(ADA, "edge-2", true));
    assertThat(board.status(ADA)).isEqualTo(PresenceStatus.IDLE);
    board.apply(offline(ADA, "edge-2"));
    assertThat(board.status(ADA)).isEqualTo(PresenceStatus.IDLE);
    board.apply(online(ADA, "edge-1", false));

    assertThat(told).containsExactly("ada idle", "ada online", "ada idle", "ada online");
  }

  @Test
  void shouldGoOfflineWhenTheLastSignalIsOlderThanTheTtlAndASweepRuns() {
    board.apply(online(ADA, "edge-1", false));
    board.apply(online(BOB, "edge-1", false));
    now = now.plus(TTL.minusSeconds(1));
    board.apply(online(BOB, "edge-1", false));
    board.sweep();

    assertThat(board.status(ADA)).isEqualTo(PresenceStatus.ONLINE);
    now = now.plusSeconds(1);
    board.sweep();

    assertThat(board.status(ADA)).isEqualTo(PresenceStatus.OFFLINE);
    assertThat(board.status(BOB)).isEqualTo(PresenceStatus.ONLINE);
    assertThat(told).containsExactly("ada online", "bob online", "ada offline");
  }

  @Test
  void shouldFallBackToTheOtherInstanceWhenTheNotIdleOneExpires() {
    board.apply(online(ADA, "edge-1", false));
    now = now.plusSeconds(5);
    board.apply(online(ADA, "edge-2", true));
    now = now.plus(TTL).minusSeconds(4);
    board.sweep();

    assertThat(board.status(ADA)).isEqualTo(PresenceStatus.IDLE);
  }

  @Test
  void shouldIgnoreAnOnlineSignalWhenItIsAlreadyExpired() {
    board.apply(new Presence(ADA, "edge-1", true, now.minus(TTL).minusMillis(1)));

    assertThat(board.status(ADA)).isEqualTo(PresenceStatus.OFFLINE);
    assertThat(told).isEmpty();
  }

  @Test
  void shouldPassTypingOnWhenFreshAndDropItWhenOlderThanTenSeconds() {
    var fresh = Typing.inConversation(ADA, BOB, now.minusSeconds(10));
    var stale = Typing.inConversation(BOB, ADA, now.minusSeconds(10).minusMillis(1));

    board.apply(fresh);
    board.apply(stale);

    assertThat(typed).containsExactly(fresh);
    assertThat(told).isEmpty();
  }

  @Test
  void shouldApplySignalsAndExpireThemOnItsOwnThreadWhenStarted() {
    var threads = new CopyOnWriteArrayList<String>();
    board.listen(
        new PresenceListener() {
          @Override
          public void presenceChanged(UserId user, PresenceStatus status) {
            threads.add(Thread.currentThread().getName());
          }

          @Override
          public void typing(Typing typing) {}
        });
    board.start();

    board.accept(online(ADA, "edge-1", false));
    await().until(() -> board.status(ADA) == PresenceStatus.ONLINE);
    now = now.plus(TTL);

    await().until(() -> board.status(ADA) == PresenceStatus.OFFLINE);
    assertThat(told).containsExactly("ada online", "ada offline");
    assertThat(threads).containsOnly("ohkay-edge-presence-board");
  }

  @Test
  void shouldKeepTellingTheOthersWhenAListenerFails() {
    var failing = new PresenceBoard(TTL, Duration.ofSeconds(1), () -> now);
    var seen = new CopyOnWriteArrayList<PresenceStatus>();
    failing.listen(
        new PresenceListener() {
          @Override
          public void presenceChanged(UserId user, PresenceStatus status) {
            throw new IllegalStateException("boom");
          }

          @Override
          public void typing(Typing typing) {}
        });
    failing.listen(
        new PresenceListener() {
          @Override
          public void presenceChanged(UserId user, PresenceStatus status) {
            seen.add(status);
          }

          @Override
          public void typing(Typing typing) {}
        });
    try {
      failing.apply(online(ADA, "edge-1", false));
      failing.apply(offline(ADA, "edge-1"));

      assertThat(seen).containsExactly(PresenceStatus.ONLINE, PresenceStatus.OFFLINE);
    } finally {
      failing.close();
    }
  }

  private Presence online(UserId user, String instance, boolean idle) {
    return new Presence(user, instance, true, now, idle);
  }

  private Presence offline(UserId user, String instance) {
    return new Presence(user, instance, false, now);
  }

  private static String name(UserId user) {
    return user.equals(ADA) ? "ada" : "bob";
  }
}
