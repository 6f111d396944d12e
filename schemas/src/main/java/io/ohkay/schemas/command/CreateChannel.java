package io.ohkay.schemas.command;

import io.ohkay.schemas.id.ChannelId;
import io.ohkay.schemas.id.ServerId;
import java.util.Objects;

/** {@code channel.create.v1}: add a channel at the end of the server's list. */
public record CreateChannel(ServerId serverId, ChannelId channelId, String name)
    implements ServerCommand {

  public CreateChannel {
    Objects.requireNonNull(serverId, "serverId");
    Objects.requireNonNull(channelId, "channelId");
    Objects.requireNonNull(name, "name");
  }
}
