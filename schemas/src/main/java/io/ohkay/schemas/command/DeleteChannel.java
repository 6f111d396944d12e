package io.ohkay.schemas.command;

import io.ohkay.schemas.id.ChannelId;
import io.ohkay.schemas.id.ServerId;

/** {@code channel.delete.v1}: delete the channel with all its messages. */
public record DeleteChannel(ServerId serverId, ChannelId channelId) implements ServerCommand {}
