package io.ohkay.projector.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.ohkay.projector.TestEvents;
import io.ohkay.projector.projection.SqlNull;
import io.ohkay.projector.projection.Write;
import io.ohkay.schemas.event.Event;
import io.ohkay.schemas.event.ProfileUpdated;
import io.ohkay.schemas.event.SessionRefreshed;
import io.ohkay.schemas.event.SessionRevoked;
import io.ohkay.schemas.event.SessionStarted;
import io.ohkay.schemas.event.SigninFailed;
import io.ohkay.schemas.event.UserDeleted;
import io.ohkay.schemas.id.SessionId;
import io.ohkay.schemas.id.UserId;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SessionsProjectionTest {

  private final SessionsProjection projection = new SessionsProjection();
  private final TestEvents.Account account = TestEvents.account(new UserId(UUID.randomUUID()));
  private final UUID user = account.user().value();
  private final SessionId session = new SessionId(UUID.randomUUID());

  @Test
  void shouldInsertSessionAtGenerationZeroWhenSessionStarted() {
    var event =
        account.next(
            new SessionStarted(account.user(), session, TestEvents.EXPIRY, "10.0.0.1", null));

    var write = single(event);

    assertThat(write.statement()).isEqualTo(SessionsProjection.INSERT_SESSION);
    assertThat(write.statement().sql()).contains("VALUES (?, ?, 0, ?, ?, ?, ?, ?)");
    assertThat(write.params())
        .containsExactly(
            session.value(),
            user,
            at(event),
            at(event),
            TestEvents.EXPIRY.atOffset(ZoneOffset.UTC),
            "10.0.0.1",
            SqlNull.TEXT);
  }

  @Test
  void shouldSetGenerationRefreshTimeAndExpiryWhenSessionRefreshed() {
    var event =
        account.next(
            new SessionRefreshed(account.user(), session, 3, TestEvents.EXPIRY.plusSeconds(3)));

    var write = single(event);

    assertThat(write.statement()).isEqualTo(SessionsProjection.REFRESH_SESSION);
    assertThat(write.params())
        .containsExactly(
            3,
            at(event),
            TestEvents.EXPIRY.plusSeconds(3).atOffset(ZoneOffset.UTC),
            session.value(),
            user);
    assertThat(write.statement().order()).isGreaterThan(SessionsProjection.INSERT_SESSION.order());
  }

  @Test
  void shouldRevokeOnlyAnOpenSessionWithItsReasonWhenSessionRevoked() {
    var event =
        account.next(
            new SessionRevoked(
                account.user(), session, SessionRevoked.Reason.REFRESH_TOKEN_REUSED));

    var write = single(event);

    assertThat(write.statement()).isEqualTo(SessionsProjection.REVOKE_SESSION);
    assertThat(write.statement().sql()).endsWith("AND revoked_at IS NULL");
    assertThat(write.params())
        .containsExactly(at(event), "REFRESH_TOKEN_REUSED", session.value(), user);
    assertThat(write.statement().order()).isGreaterThan(SessionsProjection.REFRESH_SESSION.order());
  }

  @Test
  void shouldRevokeEveryOpenSessionAfterSingleRevocationsWhenUserDeleted() {
    var event = account.next(new UserDeleted(account.user()));

    var write = single(event);

    assertThat(write.statement()).isEqualTo(SessionsProjection.REVOKE_USER_SESSIONS);
    assertThat(write.statement().sql()).contains("WHERE user_id = ? AND revoked_at IS NULL");
    assertThat(write.params()).containsExactly(at(event), "ACCOUNT_DELETED", user);
    assertThat(write.statement().order()).isGreaterThan(SessionsProjection.REVOKE_SESSION.order());
  }

  @Test
  void shouldWriteNothingWhenEventIsNotAboutSessions() {
    var events =
        List.of(
            TestEvents.userRegistered(account.user(), "ada@example.com", "Ada"),
            account.next(new SigninFailed(account.user(), null, null)),
            account.next(new ProfileUpdated(account.user(), "Ada", null, null)));

    assertThat(events).allSatisfy(e -> assertThat(projection.project(e)).isEmpty());
    assertThat(TestEvents.server(1).events())
        .allSatisfy(e -> assertThat(projection.project(e)).isEmpty());
  }

  private Write single(Event event) {
    var writes = projection.project(event);
    assertThat(writes).hasSize(1);
    return writes.getFirst();
  }

  private static OffsetDateTime at(Event event) {
    return event.occurredAt().atOffset(ZoneOffset.UTC);
  }
}
