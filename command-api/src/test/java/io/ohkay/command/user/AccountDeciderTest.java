package io.ohkay.command.user;

import static io.ohkay.command.decider.DeciderSpec.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import io.ohkay.command.decider.DeciderSpec;
import io.ohkay.command.decider.Decision;
import io.ohkay.schemas.command.AccountCommand;
import io.ohkay.schemas.command.DeleteAccount;
import io.ohkay.schemas.command.MarkNotificationsRead;
import io.ohkay.schemas.command.NewSession;
import io.ohkay.schemas.command.OpenAccount;
import io.ohkay.schemas.command.RecordSigninFailure;
import io.ohkay.schemas.command.RefreshSession;
import io.ohkay.schemas.command.ReleaseEmail;
import io.ohkay.schemas.command.RevokeSession;
import io.ohkay.schemas.command.StartSession;
import io.ohkay.schemas.command.UpdateProfile;
import io.ohkay.schemas.error.ErrorCode;
import io.ohkay.schemas.event.NotificationsRead;
import io.ohkay.schemas.event.ProfileUpdated;
import io.ohkay.schemas.event.SessionRefreshed;
import io.ohkay.schemas.event.SessionRevoked;
import io.ohkay.schemas.event.SessionStarted;
import io.ohkay.schemas.event.SigninFailed;
import io.ohkay.schemas.event.UserDeleted;
import io.ohkay.schemas.event.UserRegistered;
import io.ohkay.schemas.id.SessionId;
import io.ohkay.schemas.id.UserId;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AccountDeciderTest {

  private static final UserId ALICE = new UserId(UUID.randomUUID());
  private static final SessionId PHONE = new SessionId(UUID.randomUUID());
  private static final SessionId LAPTOP = new SessionId(UUID.randomUUID());
  private static final String EMAIL = "alice@example.com";
  private static final String HASH = "$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA";
  private static final UserRegistered REGISTERED = new UserRegistered(ALICE, EMAIL, HASH, "Alice");
  private static final Duration LIFETIME = AccountDecider.SESSION_LIFETIME;

  private final DeciderSpec<AccountCommand, AccountState> spec =
      DeciderSpec.of(new AccountDecider());

  private static SessionStarted started(SessionId session) {
    return new SessionStarted(ALICE, session, NOW.plus(LIFETIME), "203.0.113.7", "curl/8");
  }

  @Test
  void shouldRegisterAndStartTheFirstSessionWhenTheAccountOpens() {
    spec.given()
        .when(
            new OpenAccount(
                ALICE, EMAIL, HASH, "Alice", new NewSession(PHONE, "203.0.113.7", "curl/8")),
            null)
        .thenEvents(REGISTERED, started(PHONE));
  }

  @Test
  void shouldStartASessionWhenTheAccountExists() {
    spec.given(REGISTERED)
        .when(new StartSession(ALICE, new NewSession(LAPTOP, "203.0.113.7", "curl/8")), ALICE)
        .thenEvents(started(LAPTOP));
  }

  @Test
  void shouldRefuseWithInvalidCredentialsWhenTheAccountDoesNotExistOrIsDeleted() {
    var start = new StartSession(ALICE, new NewSession(LAPTOP, null, null));
    spec.given().when(start, ALICE).thenRejected(ErrorCode.INVALID_CREDENTIALS);
    DeciderSpec.of(new AccountDecider())
        .given(REGISTERED, new UserDeleted(ALICE))
        .when(start, ALICE)
        .thenRejected(ErrorCode.INVALID_CREDENTIALS);
  }

  @Test
  void shouldRotateToTheNextGenerationWhenTheCurrentRefreshTokenIsPresented() {
    var later = NOW.plus(Duration.ofMinutes(20));
    spec.given(REGISTERED, started(PHONE))
        .when(new RefreshSession(ALICE, PHONE, 0), ALICE, later)
        .thenEvents(new SessionRefreshed(ALICE, PHONE, 1, later.plus(LIFETIME)));
  }

  @Test
  void shouldRevokeTheWholeSessionWhenASpentGenerationIsPresentedAgain() {
    spec.given(
            REGISTERED, started(PHONE), new SessionRefreshed(ALICE, PHONE, 1, NOW.plus(LIFETIME)))
        .when(new RefreshSession(ALICE, PHONE, 0), ALICE)
        .thenEvents(new SessionRevoked(ALICE, PHONE, SessionRevoked.Reason.REFRESH_TOKEN_REUSED));
  }

  @Test
  void shouldRefuseEveryTokenOfTheFamilyWhenTheSessionWasRevoked() {
    spec.given(
            REGISTERED,
            started(PHONE),
            new SessionRefreshed(ALICE, PHONE, 1, NOW.plus(LIFETIME)),
            new SessionRevoked(ALICE, PHONE, SessionRevoked.Reason.REFRESH_TOKEN_REUSED))
        .when(new RefreshSession(ALICE, PHONE, 1), ALICE)
        .thenRejected(ErrorCode.INVALID_REFRESH_TOKEN);
  }

  @Test
  void shouldRefuseARefreshWhenTheSessionExpiredOrTheGenerationWasNeverIssued() {
    spec.given(REGISTERED, started(PHONE))
        .when(new RefreshSession(ALICE, PHONE, 0), ALICE, NOW.plus(LIFETIME))
        .thenRejected(ErrorCode.INVALID_REFRESH_TOKEN);
    spec.when(new RefreshSession(ALICE, PHONE, 5), ALICE)
        .thenRejected(ErrorCode.INVALID_REFRESH_TOKEN);
    spec.when(new RefreshSession(ALICE, LAPTOP, 0), ALICE)
        .thenRejected(ErrorCode.INVALID_REFRESH_TOKEN);
  }

  @Test
  void shouldRevokeOnlyThatSessionWhenSigningOut() {
    spec.given(REGISTERED, started(PHONE), started(LAPTOP))
        .when(new RevokeSession(ALICE, PHONE), ALICE)
        .thenEvents(new SessionRevoked(ALICE, PHONE, SessionRevoked.Reason.SIGNED_OUT));
    spec.given(new SessionRevoked(ALICE, PHONE, SessionRevoked.Reason.SIGNED_OUT))
        .when(new RevokeSession(ALICE, PHONE), ALICE)
        .thenRejected(ErrorCode.UNAUTHENTICATED);
    spec.when(new RefreshSession(ALICE, LAPTOP, 0), ALICE)
        .thenEvents(new SessionRefreshed(ALICE, LAPTOP, 1, NOW.plus(LIFETIME)));
  }

  @Test
  void shouldRecordFailedSigninsAndProfileChangesWhenTheAccountExists() {
    spec.given(REGISTERED)
        .when(new RecordSigninFailure(ALICE, "198.51.100.1", null), null)
        .thenEvents(new SigninFailed(ALICE, "198.51.100.1", null));
    spec.when(new UpdateProfile(ALICE, "Al", "https://example.com/a.png", null), ALICE)
        .thenEvents(new ProfileUpdated(ALICE, "Al", "https://example.com/a.png", null));
  }

  @Test
  void shouldMarkOneNotificationOrAllOfThemReadWhenTheAccountExists() {
    var notification = UUID.randomUUID();
    spec.given(REGISTERED)
        .when(new MarkNotificationsRead(ALICE, notification), ALICE)
        .thenEvents(new NotificationsRead(ALICE, notification));
    spec.given(new NotificationsRead(ALICE, notification))
        .when(new MarkNotificationsRead(ALICE, notification), ALICE)
        .thenEvents(new NotificationsRead(ALICE, notification));
    spec.when(new MarkNotificationsRead(ALICE, null), ALICE)
        .thenEvents(new NotificationsRead(ALICE, null));
  }

  @Test
  void shouldRefuseToMarkNotificationsWhenTheAccountDoesNotExistOrIsDeleted() {
    var read = new MarkNotificationsRead(ALICE, UUID.randomUUID());
    spec.given().when(read, ALICE).thenRejected(ErrorCode.ACCOUNT_NOT_FOUND);
    DeciderSpec.of(new AccountDecider())
        .given(REGISTERED, new UserDeleted(ALICE))
        .when(new MarkNotificationsRead(ALICE, null), ALICE)
        .thenRejected(ErrorCode.ACCOUNT_NOT_FOUND);
  }

  @Test
  void shouldDeleteTheAccountAndReleaseItsEmailWhenDeleted() {
    var decision =
        new AccountDecider()
            .decide(
                new DeleteAccount(ALICE),
                ALICE,
                NOW,
                new AccountDecider().evolve(AccountState.NONE, REGISTERED));

    assertThat(decision)
        .isEqualTo(
            new Decision.Accept(
                java.util.List.of(new UserDeleted(ALICE)),
                java.util.List.of(new Decision.FollowUp(EMAIL, new ReleaseEmail(EMAIL, ALICE)))));
  }

  @Test
  void shouldForgetExpiredSessionsWhenANewOneStarts() {
    var decider = new AccountDecider();
    var state = decider.evolve(AccountState.NONE, REGISTERED);
    state = decider.evolve(state, started(PHONE));
    var muchLater = NOW.plus(LIFETIME).plusSeconds(1);
    state =
        decider.evolve(
            state, new SessionStarted(ALICE, LAPTOP, muchLater.plus(LIFETIME), null, null));

    assertThat(state.sessions()).containsOnlyKeys(LAPTOP.value());
  }
}
