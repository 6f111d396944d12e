package io.ohkay.schemas.command;

import io.ohkay.schemas.id.ServerId;
import io.ohkay.schemas.id.UserId;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * {@code member.ban.v1}: ban a user (member or not); a member is removed, and no invite lets them
 * back in until unbanned.
 */
public record BanMember(ServerId serverId, UserId userId, @Nullable String reason)
    implements ServerCommand {

  public BanMember {
    Objects.requireNonNull(serverId, "serverId");
    Objects.requireNonNull(userId, "userId");
  }
}
