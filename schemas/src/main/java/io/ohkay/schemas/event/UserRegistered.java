package io.ohkay.schemas.event;

import io.ohkay.schemas.id.UserId;

/**
 * {@code user.registered.v1}: an account exists. The e-mail is normalized (trimmed, lower case);
 * the password is an Argon2id hash in PHC string form, never the password itself.
 */
public record UserRegistered(UserId userId, String email, String passwordHash, String displayName)
    implements UserEvent {

  @Override
  public String toString() {
    return "UserRegistered[userId=" + userId + ", displayName=" + displayName + "]";
  }
}
