package io.ohkay.schemas.event;

import static org.assertj.core.api.Assertions.assertThat;

import io.ohkay.schemas.id.CommandId;
import io.ohkay.schemas.id.UserId;
import io.ohkay.schemas.outcome.CommandOutcome;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class UserRegisteredTest {

  private static final String HASH =
      "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$aGFzaGhhc2hoYXNoaGFzaGhhc2g";
  private static final UserId USER = new UserId(UUID.randomUUID());
  private static final UserRegistered REGISTERED =
      new UserRegistered(USER, "alice@example.com", HASH, "Alice");

  @Test
  void shouldNotPrintThePasswordHashWhenConvertedToString() {
    assertThat(REGISTERED.toString())
        .doesNotContain(HASH)
        .doesNotContain("argon2")
        .contains(USER.toString());
  }

  @Test
  void shouldNotPrintThePasswordHashWhenItsEnvelopeOrOutcomeIsConvertedToString() {
    var command = new CommandId(UUID.randomUUID());
    var event = Event.decided(command, 0, USER.value(), 1, Instant.EPOCH, null, REGISTERED);
    var outcome =
        CommandOutcome.accepted(command, USER.toString(), 1, List.of(event), Instant.EPOCH);

    assertThat(event.toString()).doesNotContain(HASH);
    assertThat(outcome.toString()).doesNotContain(HASH);
  }
}
