package io.ohkay.schemas.command;

import io.ohkay.schemas.id.ChannelId;
import io.ohkay.schemas.id.ServerId;
import java.util.Objects;

/** {@code channel.mark-read.v1}: the actor has read the channel up to now. */
public record MarkChannelRead(ServerId serverId, ChannelId channelId) implements ServerCommand {

  public MarkChannelRead {
    Objects.requireNonNull(serverId, "serverId");
    Objects.requireNonNull(channelId, "channelId");
  }
}
