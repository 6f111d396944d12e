package io.ohkay.schemas.event;

import io.ohkay.schemas.id.ChannelId;
import io.ohkay.schemas.id.ServerId;

/** {@code channel.deleted.v1}: the channel and every message in it are gone. */
public record ChannelDeleted(ServerId serverId, ChannelId channelId) implements ServerEvent {}
