package io.ohkay.schemas.command;

import io.ohkay.schemas.id.ChannelId;
import io.ohkay.schemas.id.ServerId;
import io.ohkay.schemas.permission.OverwriteTarget;
import io.ohkay.schemas.permission.Permission;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/** {@code channel.overwrite.set.v1}: set the channel's overwrite for a role or a member. */
public record SetChannelOverwrite(
    ServerId serverId,
    ChannelId channelId,
    OverwriteTarget targetType,
    UUID targetId,
    List<Permission> allow,
    List<Permission> deny)
    implements ServerCommand {

  public SetChannelOverwrite {
    Objects.requireNonNull(serverId, "serverId");
    Objects.requireNonNull(channelId, "channelId");
    Objects.requireNonNull(targetType, "targetType");
    Objects.requireNonNull(targetId, "targetId");
    allow = List.copyOf(Objects.requireNonNull(allow, "allow"));
    deny = List.copyOf(Objects.requireNonNull(deny, "deny"));
  }
}
