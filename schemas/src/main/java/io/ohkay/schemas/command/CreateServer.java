package io.ohkay.schemas.command;

import io.ohkay.schemas.id.ChannelId;
import io.ohkay.schemas.id.ServerId;

/**
 * {@code server.create.v1}: create a server owned by the actor, with a first {@code general}
 * channel.
 */
public record CreateServer(ServerId serverId, String name, ChannelId generalChannelId)
    implements ServerCommand {}
