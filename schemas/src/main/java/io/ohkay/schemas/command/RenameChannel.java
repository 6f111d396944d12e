package io.ohkay.schemas.command;

import io.ohkay.schemas.id.ChannelId;
import io.ohkay.schemas.id.ServerId;

/** {@code channel.rename.v1}: give the channel a new name. */
public record RenameChannel(ServerId serverId, ChannelId channelId, String name)
    implements ServerCommand {}
