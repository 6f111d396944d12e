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
   * The part of the aggregate {@code command} needs beside its state, or null (the default) when it
   * needs none. A part is a piece of state stored under its own key ({@code <aggregate key>#<part
   * key>}), so an aggregate with millions of small facts (a server's messages) never loads them
   * all: the shell loads the one part a command names, lends it to the decider through {@link
   * #withPart}, and after an accepted command stores {@link #partOf} apart from the state {@link
   * #withoutPart}.
   */
  default @Nullable String partKey(C command) {
    return null;
  }

  /** {@code state} holding the stored part (null: the part was never stored). */
  default S withPart(S state, byte @Nullable [] stored) {
    return state;
  }

  /** The part held by {@code state}, to store; null when there is nothing to store. */
  default byte @Nullable [] partOf(S state) {
    return null;
  }

  /** {@code state} without its part, as stored under the aggregate's own key. */
  default S withoutPart(S state) {
    return state;
  }

  /**
   * The aggregate an outcome names for {@code command}: the record key, unless the key is not an
   * aggregate id (a registration is keyed by e-mail but is about a user).
   */
  default String outcomeAggregateId(C command, String key) {
    return key;
  }
}
