package io.ohkay.schemas.event;

import io.ohkay.schemas.id.ServerId;
import io.ohkay.schemas.id.UserId;

/** {@code server.created.v1}: a server exists, owned by {@code ownerId}; always seq 1. */
public record ServerCreated(ServerId serverId, String name, UserId ownerId)
    implements ServerEvent {}
