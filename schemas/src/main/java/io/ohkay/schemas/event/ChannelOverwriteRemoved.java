package io.ohkay.schemas.event;

import io.ohkay.schemas.id.ChannelId;
import io.ohkay.schemas.id.ServerId;
import java.util.UUID;

/** {@code channel.overwrite.removed.v1}: the channel no longer has an overwrite for the target. */
public record ChannelOverwriteRemoved(ServerId serverId, ChannelId channelId, UUID targetId)
    implements ServerEvent {}
