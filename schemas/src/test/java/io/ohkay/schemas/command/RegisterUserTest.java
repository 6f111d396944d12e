package io.ohkay.schemas.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.ohkay.schemas.id.CommandId;
import io.ohkay.schemas.id.UserId;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RegisterUserTest {

  private static final String HASH =
      "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$aGFzaGhhc2hoYXNoaGFzaGhhc2g";
  private static final UserId USER = new UserId(UUID.randomUUID());
  private static final RegisterUser REGISTER =
      new RegisterUser(USER, "alice@example.com", HASH, "Alice");

  @Test
  void shouldNotPrintThePasswordHashWhenConvertedToString() {
    assertThat(REGISTER.toString())
        .doesNotContain(HASH)
        .doesNotContain("argon2")
        .contains(USER.toString());
  }

  @Test
  void shouldNotPrintThePasswordHashWhenItsEnvelopeIsConvertedToString() {
    var command = new Command(new CommandId(UUID.randomUUID()), null, Instant.EPOCH, REGISTER);

    assertThat(command.toString()).doesNotContain(HASH);
  }
}
