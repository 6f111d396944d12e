package io.ohkay.command.user;

import static org.assertj.core.api.Assertions.assertThat;

import io.ohkay.schemas.event.Event;
import io.ohkay.schemas.event.EventPayload;
import io.ohkay.schemas.event.UserDeleted;
import io.ohkay.schemas.event.UserRegistered;
import io.ohkay.schemas.id.CommandId;
import io.ohkay.schemas.id.UserId;
import io.ohkay.schemas.outcome.CommandOutcome;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RecentAccountsTest {

  private static final UserId BOB = new UserId(UUID.randomUUID());
  private static final UserId CAROL = new UserId(UUID.randomUUID());
  private static final String EMAIL = "bob@example.com";

  private final RecentAccounts recent = new RecentAccounts();

  @Test
  void shouldKnowARegistrationByEmailAndIdWhenItsOutcomeWasSeen() {
    recent.accept(outcome(BOB, new UserRegistered(BOB, EMAIL, "$argon2id$h", "Bob")));

    assertThat(recent.byEmail(EMAIL)).map(Credentials.Credential::userId).contains(BOB);
    assertThat(recent.byId(BOB)).map(Credentials.Credential::passwordHash).contains("$argon2id$h");
    assertThat(recent.byEmail("carol@example.com")).isEmpty();
  }

  @Test
  void shouldForgetTheOldOwnerButKeepTheNewOneWhenAnAddressChangesHands() {
    recent.accept(outcome(BOB, new UserRegistered(BOB, EMAIL, "$argon2id$b", "Bob")));
    recent.accept(outcome(BOB, new UserDeleted(BOB)));
    assertThat(recent.byEmail(EMAIL)).isEmpty();
    assertThat(recent.deleted(BOB)).isTrue();

    recent.accept(outcome(CAROL, new UserRegistered(CAROL, EMAIL, "$argon2id$c", "Carol")));

    assertThat(recent.byEmail(EMAIL)).map(Credentials.Credential::userId).contains(CAROL);
    assertThat(recent.deleted(CAROL)).isFalse();
  }

  private static CommandOutcome outcome(UserId user, EventPayload payload) {
    var command = new CommandId(UUID.randomUUID());
    var event = Event.decided(command, 0, user.value(), 1, Instant.now(), null, payload);
    return CommandOutcome.accepted(command, user.toString(), 1, List.of(event), Instant.now());
  }
}
