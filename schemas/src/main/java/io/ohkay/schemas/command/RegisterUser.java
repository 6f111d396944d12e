package io.ohkay.schemas.command;

import io.ohkay.schemas.id.UserId;
import org.jspecify.annotations.Nullable;

/**
 * {@code user.register.v1}, keyed by the normalized e-mail: claim the address and create an
 * account, opening {@code session} in it when present. The password arrives already hashed
 * (Argon2id, PHC string): the clear password never leaves the command API's memory.
 */
public record RegisterUser(
    UserId userId,
    String email,
    String passwordHash,
    String displayName,
    @Nullable NewSession session)
    implements EmailCommand {

  public RegisterUser(UserId userId, String email, String passwordHash, String displayName) {
    this(userId, email, passwordHash, displayName, null);
  }

  @Override
  public String toString() {
    return "RegisterUser[userId=" + userId + ", displayName=" + displayName + "]";
  }
}
