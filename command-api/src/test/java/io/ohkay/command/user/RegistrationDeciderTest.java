package io.ohkay.command.user;

import static org.assertj.core.api.Assertions.assertThat;

import io.ohkay.command.decider.DeciderSpec;
import io.ohkay.command.decider.Decision;
import io.ohkay.schemas.command.EmailCommand;
import io.ohkay.schemas.command.OpenAccount;
import io.ohkay.schemas.command.RegisterUser;
import io.ohkay.schemas.command.ReleaseEmail;
import io.ohkay.schemas.error.ErrorCode;
import io.ohkay.schemas.id.UserId;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RegistrationDeciderTest {

  private static final String EMAIL = "alice@example.com";
  private static final String HASH = "$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA";
  private static final UserId ALICE = new UserId(UUID.randomUUID());
  private static final UserId MALLORY = new UserId(UUID.randomUUID());

  private final RegistrationDecider decider = new RegistrationDecider();

  @Test
  void shouldClaimTheEmailAndHandTheSignupToTheNewAccountWhenTheEmailIsFree() {
    DeciderSpec.of(decider)
        .when(new RegisterUser(ALICE, EMAIL, HASH, "Alice"), null)
        .thenForwarded(
            new Decision.FollowUp(
                ALICE.toString(), new OpenAccount(ALICE, EMAIL, HASH, "Alice", null)));
  }

  @Test
  void shouldRejectWithEmailTakenWhenTheEmailIsClaimed() {
    assertThat(
            decider.decide(
                new RegisterUser(MALLORY, EMAIL, "$argon2id$other", "Mallory"),
                null,
                DeciderSpec.NOW,
                new Registration(ALICE)))
        .isEqualTo(
            Decision.reject(ErrorCode.EMAIL_TAKEN, "An account with this e-mail already exists."));
  }

  @Test
  void shouldFreeTheEmailWhenItsOwnerReleasesIt() {
    var decision =
        decider.decide(
            new ReleaseEmail(EMAIL, ALICE), null, DeciderSpec.NOW, new Registration(ALICE));

    assertThat(decision).isEqualTo(new Decision.Forward(Registration.FREE, java.util.List.of()));
  }

  @Test
  void shouldKeepTheEmailClaimedWhenAnotherAccountReleasesIt() {
    EmailCommand release = new ReleaseEmail(EMAIL, MALLORY);

    var decision = decider.decide(release, null, DeciderSpec.NOW, new Registration(ALICE));

    assertThat(decision)
        .isEqualTo(new Decision.Forward(new Registration(ALICE), java.util.List.of()));
  }
}
