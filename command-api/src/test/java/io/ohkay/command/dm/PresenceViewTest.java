package io.ohkay.command.dm;

import static org.assertj.core.api.Assertions.assertThat;

import io.ohkay.schemas.id.UserId;
import io.ohkay.schemas.signal.Presence;
import io.ohkay.schemas.signal.Typing;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PresenceViewTest {

  private static final Duration TTL = Duration.ofSeconds(15);
  private static final Instant START = Instant.parse("2026-03-01T12:00:00Z");
  private static final UserId ALICE = new UserId(UUID.randomUUID());
  private static final UserId BOB = new UserId(UUID.randomUUID());

  private Instant now = START;
  private final PresenceView view = new PresenceView(TTL, () -> now);

  @Test
  void shouldBeOfflineWhenNoSignalWasSeen() {
    assertThat(view.isOnline(ALICE)).isFalse();
  }

  @Test
  void shouldBeOnlineWhenAnInstanceSaysSoAndOfflineWhenItTakesItBack() {
    view.accept(new Presence(ALICE, "edge-1", true, now));

    assertThat(view.isOnline(ALICE)).isTrue();
    assertThat(view.isOnline(BOB)).isFalse();

    view.accept(new Presence(ALICE, "edge-1", false, now));

    assertThat(view.isOnline(ALICE)).isFalse();
  }

  @Test
  void shouldCountAnIdleUserOnlineAndIgnoreTypingWhenSignalled() {
    view.accept(new Presence(ALICE, "edge-1", true, now, true));
    view.accept(Typing.inConversation(BOB, ALICE, now));

    assertThat(view.isOnline(ALICE)).isTrue();
    assertThat(view.isOnline(BOB)).isFalse();
  }

  @Test
  void shouldStayOnlineWhenAnotherInstanceStillHoldsAStream() {
    view.accept(new Presence(ALICE, "edge-1", true, now));
    view.accept(new Presence(ALICE, "edge-2", true, now));

    view.accept(new Presence(ALICE, "edge-1", false, now));

    assertThat(view.isOnline(ALICE)).isTrue();
  }

  @Test
  void shouldGoOfflineWhenTheLastOnlineSignalIsOlderThanTheTtl() {
    view.accept(new Presence(ALICE, "edge-1", true, now));

    now = START.plus(TTL).minusMillis(1);
    assertThat(view.isOnline(ALICE)).isTrue();

    now = START.plus(TTL);
    assertThat(view.isOnline(ALICE)).isFalse();
  }

  @Test
  void shouldStayOnlineWhenTheInstanceRepeatsItsSignalWithinTheTtl() {
    view.accept(new Presence(ALICE, "edge-1", true, now));
    now = START.plusSeconds(10);
    view.accept(new Presence(ALICE, "edge-1", true, now));

    now = START.plusSeconds(20);

    assertThat(view.isOnline(ALICE)).isTrue();
  }

  @Test
  void shouldIgnoreAnExpiredSignalWhenItIsReadLate() {
    view.accept(new Presence(ALICE, "edge-1", true, START.minus(TTL).minusSeconds(1)));

    assertThat(view.isOnline(ALICE)).isFalse();
  }

  @Test
  void shouldStillAnswerForRecentSignalsWhenExpiredUsersAreSwept() {
    view.accept(new Presence(ALICE, "edge-1", true, now));
    now = START.plus(TTL.multipliedBy(2));

    view.accept(new Presence(BOB, "edge-1", true, now));

    assertThat(view.isOnline(ALICE)).isFalse();
    assertThat(view.isOnline(BOB)).isTrue();
  }
}
