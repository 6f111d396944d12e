package io.ohkay.schemas.event;

import io.ohkay.schemas.id.ServerId;
import io.ohkay.schemas.id.UserId;

/**
 * {@code member.left.v1}: the user is no longer a member; from this fact on they receive nothing of
 * the server.
 */
public record MemberLeft(ServerId serverId, UserId userId, Reason reason) implements ServerEvent {

  /** Why the membership ended. */
  public enum Reason {
    LEFT,
    KICKED,
    BANNED,
    ACCOUNT_DELETED
  }
}
