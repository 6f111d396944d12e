package io.ohkay.schemas.command;

import io.ohkay.schemas.id.ChannelId;
import io.ohkay.schemas.id.ServerId;

/** {@code channel.mark-read.v1}: the actor has read the channel up to now. */
public record MarkChannelRead(ServerId serverId, ChannelId channelId) implements ServerCommand {}
