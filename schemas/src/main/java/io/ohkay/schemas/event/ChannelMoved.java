package io.ohkay.schemas.event;

import io.ohkay.schemas.id.ChannelId;
import io.ohkay.schemas.id.ServerId;

/**
 * {@code channel.moved.v1}: the channel is now at {@code position} (0 first). A reorder or a
 * deletion emits one per channel whose position changed, so positions stay 0..n-1.
 */
public record ChannelMoved(ServerId serverId, ChannelId channelId, int position)
    implements ServerEvent {}
