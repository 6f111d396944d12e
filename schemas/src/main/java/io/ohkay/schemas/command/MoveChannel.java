package io.ohkay.schemas.command;

import io.ohkay.schemas.id.ChannelId;
import io.ohkay.schemas.id.ServerId;
import java.util.Objects;

/** {@code channel.move.v1}: put the channel at {@code position} (0 first; past the end = last). */
public record MoveChannel(ServerId serverId, ChannelId channelId, int position)
    implements ServerCommand {

  public MoveChannel {
    Objects.requireNonNull(serverId, "serverId");
    Objects.requireNonNull(channelId, "channelId");
  }
}
