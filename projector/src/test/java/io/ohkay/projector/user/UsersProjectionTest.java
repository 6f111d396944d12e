package io.ohkay.projector.user;

import static io.ohkay.projector.TestEvents.AT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.ohkay.projector.TestEvents;
import io.ohkay.projector.projection.SqlNull;
import io.ohkay.schemas.event.ProfileUpdated;
import io.ohkay.schemas.event.SessionRefreshed;
import io.ohkay.schemas.event.SessionRevoked;
import io.ohkay.schemas.event.SessionStarted;
import io.ohkay.schemas.event.SigninFailed;
import io.ohkay.schemas.event.UserDeleted;
import io.ohkay.schemas.event.UserRegistered;
import io.ohkay.schemas.id.SessionId;
import io.ohkay.schemas.id.UserId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class UsersProjectionTest {

  private final UsersProjection projection = new UsersProjection();

  @Test
  void shouldInsertUserThenProfileWhenUserRegistered() {
    var user = new UserId(UUID.randomUUID());
    var event = TestEvents.userRegistered(user, "ada@example.com", "Ada");

    var writes = projection.project(event);

    var at = AT.atOffset(ZoneOffset.UTC);
    assertThat(writes).hasSize(2);
    assertThat(writes.get(0).statement()).isEqualTo(UsersProjection.INSERT_USER);
    var hash = ((UserRegistered) event.payload()).passwordHash();
    assertThat(writes.get(0).params()).containsExactly(user.value(), "ada@example.com", hash, at);
    assertThat(writes.get(1).statement()).isEqualTo(UsersProjection.INSERT_PROFILE);
    assertThat(writes.get(1).params()).containsExactly(user.value(), "Ada", at);
    assertThat(writes.get(0).statement().order()).isLessThan(writes.get(1).statement().order());
  }

  @Test
  void shouldWriteNothingWhenEventIsAboutAServer() {
    var history = TestEvents.server(1);

    assertThat(history.events()).allSatisfy(e -> assertThat(projection.project(e)).isEmpty());
  }

  @Test
  void shouldReplaceWholeProfileWithTypedNullsWhenProfileUpdated() {
    var account = TestEvents.account(new UserId(UUID.randomUUID()));
    var event = account.next(new ProfileUpdated(account.user(), "Ada L.", null, "engines"));

    var writes = projection.project(event);

    assertThat(writes)
        .singleElement()
        .satisfies(
            write -> {
              assertThat(write.statement()).isEqualTo(UsersProjection.UPDATE_PROFILE);
              assertThat(write.params())
                  .containsExactly(
                      "Ada L.",
                      SqlNull.TEXT,
                      "engines",
                      event.occurredAt().atOffset(ZoneOffset.UTC),
                      account.user().value());
            });
    assertThat(UsersProjection.UPDATE_PROFILE.order())
        .isGreaterThan(UsersProjection.INSERT_PROFILE.order());
  }

  @Test
  void shouldDeleteProfileThenEraseUserAfterEveryOtherWriteWhenUserDeleted() {
    var account = TestEvents.account(new UserId(UUID.randomUUID()));
    var event = account.next(new UserDeleted(account.user()));

    var writes = projection.project(event);

    var at = event.occurredAt().atOffset(ZoneOffset.UTC);
    assertThat(writes)
        .extracting(w -> w.statement(), w -> w.params())
        .containsExactly(
            tuple(UsersProjection.DELETE_PROFILE, List.of(account.user().value())),
            tuple(UsersProjection.ERASE_USER, List.of(at, account.user().value())));
    assertThat(UsersProjection.DELETE_PROFILE.order())
        .isGreaterThan(UsersProjection.UPDATE_PROFILE.order());
    assertThat(UsersProjection.ERASE_USER.sql()).contains("email = NULL", "password_hash = NULL");
  }

  @Test
  void shouldWriteNothingWhenEventIsAboutASessionOrSignin() {
    var account = TestEvents.account(new UserId(UUID.randomUUID()));
    var session = new SessionId(UUID.randomUUID());
    var events =
        List.of(
            account.next(
                new SessionStarted(account.user(), session, TestEvents.EXPIRY, "10.0.0.1", "curl")),
            account.next(
                new SessionRefreshed(account.user(), session, 1, TestEvents.EXPIRY.plusSeconds(1))),
            account.next(
                new SessionRevoked(account.user(), session, SessionRevoked.Reason.SIGNED_OUT)),
            account.next(new SigninFailed(account.user(), null, null)));

    assertThat(events).allSatisfy(e -> assertThat(projection.project(e)).isEmpty());
  }
}
