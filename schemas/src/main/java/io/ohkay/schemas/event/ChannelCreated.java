package io.ohkay.schemas.event;

import io.ohkay.schemas.id.ChannelId;
import io.ohkay.schemas.id.ServerId;

/** {@code channel.created.v1}: a text channel exists in a server at {@code position}. */
public record ChannelCreated(ServerId serverId, ChannelId channelId, String name, int position)
    implements ServerEvent {}
