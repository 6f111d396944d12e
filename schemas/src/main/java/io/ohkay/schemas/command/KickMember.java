package io.ohkay.schemas.command;

import io.ohkay.schemas.id.ServerId;
import io.ohkay.schemas.id.UserId;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** {@code member.kick.v1}: remove a member; they may rejoin through an invite. */
public record KickMember(ServerId serverId, UserId userId, @Nullable String reason)
    implements ServerCommand {

  public KickMember {
    Objects.requireNonNull(serverId, "serverId");
    Objects.requireNonNull(userId, "userId");
  }
}
