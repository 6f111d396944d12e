package io.ohkay.projector.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.ohkay.projector.TestEvents;
import io.ohkay.projector.projection.SqlNull;
import io.ohkay.schemas.event.ProfileUpdated;
import io.ohkay.schemas.event.SessionRefreshed;
import io.ohkay.schemas.event.SessionRevoked;
import io.ohkay.schemas.event.SessionStarted;
import io.ohkay.schemas.event.SigninFailed;
import io.ohkay.schemas.event.UserDeleted;
import io.ohkay.schemas.id.SessionId;
import io.ohkay.schemas.id.UserId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class LoginHistoryProjectionTest {

  private final LoginHistoryProjection projection = new LoginHistoryProjection();
  private final TestEvents.Account account = TestEvents.account(new UserId(UUID.randomUUID()));
  private final SessionId session = new SessionId(UUID.randomUUID());

  @Test
  void shouldRecordSuccessKeyedByEventIdAfterSessionRowWhenSessionStarted() {
    var event =
        account.next(
            new SessionStarted(account.user(), session, TestEvents.EXPIRY, null, "Firefox"));

    var writes = projection.project(event);

    assertThat(writes)
        .singleElement()
        .satisfies(
            write -> {
              assertThat(write.statement()).isEqualTo(LoginHistoryProjection.INSERT_ATTEMPT);
              assertThat(write.params())
                  .containsExactly(
                      event.eventId(),
                      account.user().value(),
                      event.occurredAt().atOffset(ZoneOffset.UTC),
                      true,
                      session.value(),
                      SqlNull.TEXT,
                      "Firefox");
            });
    assertThat(LoginHistoryProjection.INSERT_ATTEMPT.order())
        .isGreaterThan(SessionsProjection.INSERT_SESSION.order());
  }

  @Test
  void shouldRecordFailureWithoutSessionWhenSigninFailed() {
    var event = account.next(new SigninFailed(account.user(), "192.0.2.7", null));

    var writes = projection.project(event);

    assertThat(writes)
        .singleElement()
        .satisfies(
            write ->
                assertThat(write.params())
                    .containsExactly(
                        event.eventId(),
                        account.user().value(),
                        event.occurredAt().atOffset(ZoneOffset.UTC),
                        false,
                        SqlNull.UUID,
                        "192.0.2.7",
                        SqlNull.TEXT));
  }

  @Test
  void shouldKeepHistoryWhenEventIsNeitherSigninNorSessionStart() {
    var events =
        List.of(
            TestEvents.userRegistered(account.user(), "ada@example.com", "Ada"),
            account.next(
                new SessionRefreshed(account.user(), session, 1, TestEvents.EXPIRY.plusSeconds(1))),
            account.next(
                new SessionRevoked(account.user(), session, SessionRevoked.Reason.SIGNED_OUT)),
            account.next(new ProfileUpdated(account.user(), "Ada", null, null)),
            account.next(new UserDeleted(account.user())));

    assertThat(events).allSatisfy(e -> assertThat(projection.project(e)).isEmpty());
  }
}
