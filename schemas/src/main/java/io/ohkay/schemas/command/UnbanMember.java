package io.ohkay.schemas.command;

import io.ohkay.schemas.id.ServerId;
import io.ohkay.schemas.id.UserId;
import java.util.Objects;

/** {@code member.unban.v1}: lift a ban; the user may join again through an invite. */
public record UnbanMember(ServerId serverId, UserId userId) implements ServerCommand {

  public UnbanMember {
    Objects.requireNonNull(serverId, "serverId");
    Objects.requireNonNull(userId, "userId");
  }
}
