package io.ohkay.schemas.command;

import io.ohkay.schemas.id.ServerId;
import io.ohkay.schemas.id.UserId;
import java.util.Objects;

/**
 * {@code member.remove.v1}: the member's account was deleted, so the membership ends. Sent by the
 * account decider, never by a client.
 */
public record RemoveMember(ServerId serverId, UserId userId) implements ServerCommand {

  public RemoveMember {
    Objects.requireNonNull(serverId, "serverId");
    Objects.requireNonNull(userId, "userId");
  }
}
