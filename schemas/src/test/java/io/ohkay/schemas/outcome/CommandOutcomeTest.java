package io.ohkay.schemas.outcome;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ohkay.schemas.error.ErrorCode;
import io.ohkay.schemas.event.Event;
import io.ohkay.schemas.event.MemberJoined;
import io.ohkay.schemas.id.CommandId;
import io.ohkay.schemas.id.ServerId;
import io.ohkay.schemas.id.UserId;
import io.ohkay.schemas.json.Json;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CommandOutcomeTest {

  private static final CommandId COMMAND = new CommandId(UUID.randomUUID());
  private static final ServerId SERVER = ServerId.parse("0190f5a2-7b1c-7d3e-8f40-1a2b3c4d5f01");
  private static final UserId USER = new UserId(UUID.randomUUID());
  private static final Instant AT = Instant.parse("2026-01-15T09:31:00Z");

  @Test
  void shouldRefuseTheOutcomeWhenARejectionHasNoCode() {
    assertThatThrownBy(
            () ->
                new CommandOutcome(
                    COMMAND,
                    CommandOutcome.Status.REJECTED,
                    null,
                    "no reason",
                    SERVER.toString(),
                    0,
                    List.of(),
                    AT))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("code");
  }

  @Test
  void shouldCarryCodeAndNoEventsWhenRejected() {
    var outcome =
        CommandOutcome.rejected(
            COMMAND, SERVER.toString(), 4, ErrorCode.CHANNEL_NOT_FOUND, "No such channel.", AT);

    assertThat(outcome.status()).isEqualTo(CommandOutcome.Status.REJECTED);
    assertThat(outcome.code()).isEqualTo(ErrorCode.CHANNEL_NOT_FOUND);
    assertThat(outcome.events()).isEmpty();
  }

  @Test
  void shouldHaveNoCodeWhenAccepted() {
    var outcome = CommandOutcome.accepted(COMMAND, SERVER.toString(), 2, List.of(joined(2)), AT);

    assertThat(outcome.status()).isEqualTo(CommandOutcome.Status.ACCEPTED);
    assertThat(outcome.code()).isNull();
    assertThat(outcome.detail()).isNull();
  }

  @Test
  void shouldFormatThePositionAsAggregateColonSeqWhenAsked() {
    var outcome = CommandOutcome.accepted(COMMAND, SERVER.toString(), 42, List.of(joined(42)), AT);

    assertThat(outcome.position()).isEqualTo("0190f5a2-7b1c-7d3e-8f40-1a2b3c4d5f01:42");
  }

  @Test
  void shouldNotSerializeThePositionWhenWrittenAsJson() {
    var outcome = CommandOutcome.accepted(COMMAND, SERVER.toString(), 2, List.of(joined(2)), AT);

    assertThat(Json.mapper().readTree(Json.write(outcome)).has("position")).isFalse();
  }

  @Test
  void shouldKeepItsEventsWhenTheCallersListChangesLater() {
    var events = new ArrayList<Event>(List.of(joined(1)));
    var outcome = CommandOutcome.accepted(COMMAND, SERVER.toString(), 1, events, AT);

    events.clear();

    assertThat(outcome.events()).hasSize(1);
    assertThatThrownBy(() -> outcome.events().clear())
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void shouldReadBackEqualWhenWrittenAsJson() {
    var rejected =
        CommandOutcome.rejected(
            COMMAND, SERVER.toString(), 0, ErrorCode.SERVER_NOT_FOUND, "No such server.", AT);

    assertThat(Json.read(Json.write(rejected), CommandOutcome.class)).isEqualTo(rejected);
  }

  private static Event joined(long seq) {
    return Event.decided(COMMAND, 0, SERVER.value(), seq, AT, USER, new MemberJoined(SERVER, USER));
  }
}
