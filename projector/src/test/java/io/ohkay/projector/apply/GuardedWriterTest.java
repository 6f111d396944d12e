package io.ohkay.projector.apply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.ohkay.projector.TestEvents;
import io.ohkay.projector.projection.DatabaseNames;
import io.ohkay.schemas.event.ProfileUpdated;
import io.ohkay.schemas.event.SessionRefreshed;
import io.ohkay.schemas.event.SessionRevoked;
import io.ohkay.schemas.event.SessionStarted;
import io.ohkay.schemas.event.SigninFailed;
import io.ohkay.schemas.event.UserDeleted;
import io.ohkay.schemas.event.UserRegistered;
import io.ohkay.schemas.id.SessionId;
import io.ohkay.schemas.id.UserId;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class GuardedWriterTest {

  private final DatabaseNames names = new DatabaseNames("t_");

  @Test
  void shouldWriteEverythingInDependencyOrderWhenNothingIsStored() {
    var history = TestEvents.server(3);

    var plan =
        GuardedWriter.plan(
            ServerEventsApplier.registryProjection(names, TestEvents.CREDENTIALS),
            history.events(),
            Map.of());

    assertThat(plan.batch().groups())
        .extracting(g -> g.statement().name())
        .containsExactly("servers", "server_members", "server_stats");
    assertThat(plan.batch().groups().get(2).rows())
        .containsExactly(List.of(history.server().value(), LocalDate.parse("2026-03-01"), 3L));
    assertThat(plan.applied()).containsExactly(Map.entry(history.server().value(), 6L));
  }

  @Test
  void shouldRunTheChannelsTimelineAfterEveryMessageWhenAChannelLifeIsOneBatch() {
    var life = TestEvents.channelLife();

    var plan = GuardedWriter.plan(ServerEventsApplier.serverProjection(), life.events(), Map.of());

    assertThat(plan.batch().groups())
        .extracting(g -> g.statement().name(), g -> g.rows().size())
        .containsExactly(
            tuple("messages", 5),
            tuple("audit_log", 5),
            tuple("channels timeline", 8),
            tuple("channels rename", 1));
  }

  @Test
  void shouldWriteNothingToTheRegistryWhenChannelsAreRenamedMovedOrDeleted() {
    var life = TestEvents.channelLife();
    var reshaping = life.events().subList(9, 14);

    var plan =
        GuardedWriter.plan(
            ServerEventsApplier.registryProjection(names, TestEvents.CREDENTIALS),
            reshaping,
            Map.of());

    assertThat(reshaping)
        .extracting(e -> e.payload().getClass().getSimpleName())
        .containsExactly(
            "ChannelRenamed", "ChannelMoved", "ChannelMoved", "ChannelMoved", "ChannelDeleted");
    assertThat(plan.batch().isEmpty()).isTrue();
    assertThat(plan.applied()).containsExactly(Map.entry(life.server().value(), 14L));
  }

  @Test
  void shouldSkipEventsUpToStoredSeqWhenBatchIsRedelivered() {
    var history = TestEvents.server(3);

    var plan =
        GuardedWriter.plan(
            ServerEventsApplier.serverProjection(),
            history.events(),
            Map.of(history.server().value(), 5L));

    assertThat(plan.batch().groups())
        .singleElement()
        .satisfies(
            group -> {
              assertThat(group.statement().name()).isEqualTo("messages");
              assertThat(group.rows())
                  .singleElement()
                  .satisfies(row -> assertThat(row.get(5)).isEqualTo(6L));
            });
    assertThat(plan.applied()).containsExactly(Map.entry(history.server().value(), 6L));
  }

  @Test
  void shouldChangeNothingWhenEveryEventIsAlreadyApplied() {
    var history = TestEvents.server(3);

    var plan =
        GuardedWriter.plan(
            ServerEventsApplier.serverProjection(),
            history.events(),
            Map.of(history.server().value(), history.lastSeq()));

    assertThat(plan.batch().isEmpty()).isTrue();
    assertThat(plan.applied()).isEmpty();
  }

  @Test
  void shouldApplyAnEventOnceWhenTheSameBatchHoldsItTwice() {
    var history = TestEvents.server(1);
    var twice = new ArrayList<>(history.events());
    twice.addAll(history.events());

    var plan = GuardedWriter.plan(ServerEventsApplier.serverProjection(), twice, Map.of());

    var once =
        GuardedWriter.plan(ServerEventsApplier.serverProjection(), history.events(), Map.of());
    assertThat(plan.batch().groups()).isNotEmpty().isEqualTo(once.batch().groups());
  }

  @Test
  void shouldGuardEachAggregateSeparatelyWhenBatchHoldsSeveral() {
    var first = TestEvents.server(1);
    var second = TestEvents.server(1);
    var events = new ArrayList<>(first.events());
    events.addAll(second.events());

    var plan =
        GuardedWriter.plan(
            ServerEventsApplier.serverProjection(),
            events,
            Map.of(first.server().value(), first.lastSeq()));

    assertThat(plan.applied()).containsOnlyKeys(second.server().value());
    var secondOnly =
        GuardedWriter.plan(ServerEventsApplier.serverProjection(), second.events(), Map.of());
    assertThat(plan.batch().groups()).isNotEmpty().isEqualTo(secondOnly.batch().groups());
  }

  @Test
  void shouldWriteAnAccountsLifeInsertsFirstAndDeletionLastWhenOneBatchHoldsIt() {
    var account = TestEvents.account(new UserId(UUID.randomUUID()));
    var user = account.user();
    var session = new SessionId(UUID.randomUUID());
    var events =
        List.of(
            account.next(new UserRegistered(user, "ada@example.com", "$argon2id$x", "Ada")),
            account.next(new SessionStarted(user, session, TestEvents.EXPIRY, null, null)),
            account.next(new SessionRefreshed(user, session, 1, TestEvents.EXPIRY.plusSeconds(1))),
            account.next(new SigninFailed(user, null, null)),
            account.next(new ProfileUpdated(user, "Ada L.", null, null)),
            account.next(new SessionRevoked(user, session, SessionRevoked.Reason.SIGNED_OUT)),
            account.next(new UserDeleted(user)));

    var plan = GuardedWriter.plan(AuthApplier.projection(), events, Map.of());

    assertThat(plan.batch().groups())
        .extracting(g -> g.statement().name())
        .containsExactly(
            "users",
            "user_profiles",
            "sessions",
            "login_history",
            "user_profiles update",
            "sessions refresh",
            "sessions revoke",
            "user_profiles delete",
            "users erase",
            "sessions revoke all");
    assertThat(plan.batch().groups().get(3).rows()).hasSize(2);
    assertThat(plan.applied()).containsExactly(Map.entry(user.value(), 7L));
  }

  @Test
  void shouldKeepEveryJoinAndLeaveInEventOrderWhenOneBatchHoldsAMembershipLife() {
    var life = TestEvents.membershipLife();

    var plan =
        GuardedWriter.plan(
            ServerEventsApplier.registryProjection(names, TestEvents.CREDENTIALS),
            life.events(),
            Map.of());

    assertThat(plan.batch().groups())
        .extracting(g -> g.statement().name())
        .containsExactly(
            "servers", "server_members", "server_bans", "invite_codes", "invite_codes use");
    assertThat(plan.batch().groups().get(1).rows())
        .extracting(row -> row.get(1), row -> row.get(3))
        .containsExactly(
            tuple(life.history().owner().value(), true),
            tuple(life.ann().value(), true),
            tuple(life.ben().value(), true),
            tuple(life.ann().value(), false),
            tuple(life.ben().value(), false),
            tuple(life.ben().value(), true));
    assertThat(plan.batch().groups().get(2).rows())
        .extracting(row -> row.get(1), row -> row.get(4))
        .containsExactly(
            tuple(life.ben().value(), true),
            tuple(life.ben().value(), false),
            tuple(life.cat().value(), true));
  }
}
