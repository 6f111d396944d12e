package io.ohkay.command.decider;

import io.ohkay.schemas.command.CommandPayload;
import io.ohkay.schemas.event.EventPayload;
import io.ohkay.schemas.id.UserId;
import org.jspecify.annotations.Nullable;

/**
 * A pure decision function over one aggregate (the decider pattern): no I/O, no clock. The shell
 * assigns sequence numbers, ids and timestamps.
 *
 * @param <C> the commands it decides
 * @param <S> the aggregate's state
 */
public interface Decider<C extends CommandPayload, S> {

  S initialState();

  /** The state's class, for the state store's JSON codec. */
  Class<S> stateType();

  /** The commands this decider accepts; anything else on its topic is dead-lettered. */
  Class<C> commandType();

  Decision decide(C command, @Nullable UserId actor, S state);

  S evolve(S state, EventPayload event);

  /**
   * The aggregate an outcome names for {@code command}: the record key, unless the key is not an
   * aggregate id (a registration is keyed by e-mail but is about a user).
   */
  default String outcomeAggregateId(C command, String key) {
    return key;
  }
}
