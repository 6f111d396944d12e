package io.ohkay.schemas.event;

import io.ohkay.schemas.id.ChannelId;
import io.ohkay.schemas.id.ServerId;
import io.ohkay.schemas.id.UserId;

/**
 * {@code channel.read.v1}: the member has read the channel up to this event: every message of the
 * channel with a lower seq is read.
 */
public record ChannelRead(ServerId serverId, ChannelId channelId, UserId userId)
    implements ServerEvent {}
