package io.ohkay.command.decider;

import io.ohkay.schemas.command.CommandPayload;
import io.ohkay.schemas.event.EventPayload;
import io.ohkay.schemas.id.UserId;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A pure decision function over one aggregate (the decider pattern): no I/O, no clock of its own.
 * The shell assigns sequence numbers, ids and timestamps.
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

  /**
   * Decides {@code command} issued by {@code actor} (null before sign-in) at {@code at} (the
   * command's issue time, the only clock a decider reads).
   */
  Decision decide(C command, @Nullable UserId actor, Instant at, S state);

  S evolve(S state, EventPayload event);

  /**
   * The aggregate an outcome names for {@code command}: the record key, unless the key is not an
   * aggregate id (a registration is keyed by e-mail but is about a user).
   */
  default String outcomeAggregateId(C command, String key) {
    return key;
  }
}
