package io.ohkay.command.user;

import io.ohkay.schemas.id.UserId;
import org.jspecify.annotations.Nullable;

/** The state of one normalized e-mail address: free, or taken by a user. */
record Registration(@Nullable UserId userId) {

  static final Registration FREE = new Registration(null);

  boolean taken() {
    return userId != null;
  }
}
