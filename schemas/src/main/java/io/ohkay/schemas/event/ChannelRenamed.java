package io.ohkay.schemas.event;

import io.ohkay.schemas.id.ChannelId;
import io.ohkay.schemas.id.ServerId;

/** {@code channel.renamed.v1}: the channel now has this name. */
public record ChannelRenamed(ServerId serverId, ChannelId channelId, String name)
    implements ServerEvent {}
