package io.ohkay.schemas.command;

import io.ohkay.schemas.id.ChannelId;
import io.ohkay.schemas.id.ServerId;
import java.util.Objects;

/** {@code channel.delete.v1}: delete the channel with all its messages. */
public record DeleteChannel(ServerId serverId, ChannelId channelId) implements ServerCommand {

  public DeleteChannel {
    Objects.requireNonNull(serverId, "serverId");
    Objects.requireNonNull(channelId, "channelId");
  }
}
