package io.ohkay.schemas.command;

import io.ohkay.schemas.id.UserId;
import org.jspecify.annotations.Nullable;

/**
 * {@code user.open.v1}, keyed by user id: the e-mail was claimed for this new account, which now
 * starts. Sent by the registration decider with the sign-up's command id, never by a client; its
 * outcome answers the sign-up.
 */
public record OpenAccount(
    UserId userId,
    String email,
    String passwordHash,
    String displayName,
    @Nullable NewSession session)
    implements AccountCommand {

  @Override
  public String toString() {
    return "OpenAccount[userId=" + userId + "]";
  }
}
