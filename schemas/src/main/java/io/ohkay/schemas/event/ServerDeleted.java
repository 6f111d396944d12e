package io.ohkay.schemas.event;

import io.ohkay.schemas.id.ServerId;

/**
 * {@code server.deleted.v1}: the owner deleted the server. Every membership ends with it; its id is
 * never used again. The last event of the server.
 */
public record ServerDeleted(ServerId serverId) implements ServerEvent {}
