package io.ohkay.edge.presence;

import io.ohkay.schemas.id.UserId;

/**
 * Told when a user's first live stream on this edge opens and when their last one closes. Calls
 * come from the stream hub under its lock: implementations return at once.
 */
public interface UserPresence {

  /** {@code user} now holds a live stream here. */
  void online(UserId user);

  /** {@code user} no longer holds a live stream here. */
  void offline(UserId user);
}
