package io.ohkay.command.user;

import io.ohkay.command.decider.DeciderSpec;
import io.ohkay.schemas.command.RegisterUser;
import io.ohkay.schemas.command.UserCommand;
import io.ohkay.schemas.error.ErrorCode;
import io.ohkay.schemas.event.UserRegistered;
import io.ohkay.schemas.id.UserId;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RegistrationDeciderTest {

  private static final String EMAIL = "alice@example.com";
  private static final String HASH = "$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA";
  private static final UserId ALICE = new UserId(UUID.randomUUID());
  private static final UserId MALLORY = new UserId(UUID.randomUUID());

  private final DeciderSpec<UserCommand, Registration> spec =
      DeciderSpec.of(new RegistrationDecider());

  @Test
  void shouldRegisterTheUserWhenTheEmailIsFree() {
    spec.given()
        .when(new RegisterUser(ALICE, EMAIL, HASH, "Alice"), null)
        .thenEvents(new UserRegistered(ALICE, EMAIL, HASH, "Alice"));
  }

  @Test
  void shouldRejectWithEmailTakenWhenTheEmailIsAlreadyRegistered() {
    spec.given(new UserRegistered(ALICE, EMAIL, HASH, "Alice"))
        .when(new RegisterUser(MALLORY, EMAIL, "$argon2id$other", "Mallory"), null)
        .thenRejected(ErrorCode.EMAIL_TAKEN);
  }

  @Test
  void shouldRejectWithEmailTakenWhenTheSameUserRegistersAgain() {
    spec.given(new UserRegistered(ALICE, EMAIL, HASH, "Alice"))
        .when(new RegisterUser(ALICE, EMAIL, HASH, "Alice"), null)
        .thenRejected(ErrorCode.EMAIL_TAKEN);
  }
}
