package io.ohkay.schemas.command;

import io.ohkay.schemas.id.ChannelId;
import io.ohkay.schemas.id.ServerId;
import java.util.Objects;

/** {@code channel.rename.v1}: give the channel a new name. */
public record RenameChannel(ServerId serverId, ChannelId channelId, String name)
    implements ServerCommand {

  public RenameChannel {
    Objects.requireNonNull(serverId, "serverId");
    Objects.requireNonNull(channelId, "channelId");
    Objects.requireNonNull(name, "name");
  }
}
