package io.ohkay.command.decider;

import static org.assertj.core.api.Assertions.assertThat;

import io.ohkay.schemas.command.CommandPayload;
import io.ohkay.schemas.error.ErrorCode;
import io.ohkay.schemas.event.EventPayload;
import io.ohkay.schemas.id.UserId;
import io.ohkay.schemas.json.Json;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * given(events) / when(command) / then(events or rejection) for a {@link Decider}: the past is
 * folded with {@code evolve}, the command decided once, the decision checked.
 */
public final class DeciderSpec<C extends CommandPayload, S> {

  private final Decider<C, S> decider;
  private S state;

  private DeciderSpec(Decider<C, S> decider) {
    this.decider = decider;
    this.state = decider.initialState();
  }

  public static <C extends CommandPayload, S> DeciderSpec<C, S> of(Decider<C, S> decider) {
    return new DeciderSpec<>(decider);
  }

  /** The state folded so far. */
  public S state() {
    return state;
  }

  public DeciderSpec<C, S> given(EventPayload... past) {
    for (var event : past) {
      state = decider.evolve(state, event);
      assertReadsBackAsItself(state);
    }
    return this;
  }

  /**
   * What {@link DecodedStates} relies on: a state as stored (without its part) reads back from its
   * JSON equal to itself, so deciding on the kept object or on the decoded one is the same.
   */
  private void assertReadsBackAsItself(S state) {
    var stored = new Stored<>(1, decider.withoutPart(state));
    var type =
        Json.mapper().getTypeFactory().constructParametricType(Stored.class, decider.stateType());
    Stored<?> read = Json.mapper().readValue(Json.write(stored), type);
    assertThat(read).isEqualTo(stored);
  }

  /** The instant commands are issued at unless a test says otherwise. */
  public static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

  public Then when(C command, @Nullable UserId actor) {
    return when(command, actor, NOW);
  }

  public Then when(C command, @Nullable UserId actor, Instant at) {
    return new Then(decider.decide(command, actor, at, state));
  }

  /** The decision, to check. */
  public record Then(Decision decision) {

    public void thenEvents(EventPayload... expected) {
      assertThat(decision).isInstanceOf(Decision.Accept.class);
      assertThat(((Decision.Accept) decision).events()).containsExactly(expected);
    }

    public void thenForwarded(Decision.FollowUp... expected) {
      assertThat(decision).isInstanceOf(Decision.Forward.class);
      assertThat(((Decision.Forward) decision).followUps()).containsExactly(expected);
    }

    public void thenRejected(ErrorCode code) {
      assertThat(decision).isInstanceOf(Decision.Reject.class);
      var reject = (Decision.Reject) decision;
      assertThat(reject.code()).isEqualTo(code);
      assertThat(reject.detail()).isNotBlank();
    }
  }
}
