package io.ohkay.edge.presence;

import io.ohkay.schemas.id.UserId;
import io.ohkay.schemas.signal.Typing;

/**
 * Told by the {@link PresenceBoard} of every change of a user's status and of every fresh typing
 * signal, from every edge. Calls come from the board's one thread: implementations return at once.
 */
public interface PresenceListener {

  /** {@code user}'s status is now {@code status} (never the status it was). */
  void presenceChanged(UserId user, PresenceStatus status);

  /** {@code typing.userId()} is typing where {@code typing} says, younger than ten seconds. */
  void typing(Typing typing);
}
