package io.ohkay.schemas.command;

import io.ohkay.schemas.id.ChannelId;
import io.ohkay.schemas.id.ServerId;
import java.util.Objects;
import java.util.UUID;

/** {@code channel.overwrite.remove.v1}: remove the channel's overwrite for a role or a member. */
public record RemoveChannelOverwrite(ServerId serverId, ChannelId channelId, UUID targetId)
    implements ServerCommand {

  public RemoveChannelOverwrite {
    Objects.requireNonNull(serverId, "serverId");
    Objects.requireNonNull(channelId, "channelId");
    Objects.requireNonNull(targetId, "targetId");
  }
}
