package io.ohkay.schemas.command;

import io.ohkay.schemas.id.UserId;

/**
 * {@code user.register.v1}: create an account. The password arrives already hashed (Argon2id, PHC
 * string): the clear password never leaves the command API's memory.
 */
public record RegisterUser(UserId userId, String email, String passwordHash, String displayName)
    implements UserCommand {

  @Override
  public String toString() {
    return "RegisterUser[userId=" + userId + ", displayName=" + displayName + "]";
  }
}
