package io.ohkay.schemas.event;

import io.ohkay.schemas.id.RoleId;
import io.ohkay.schemas.id.ServerId;

/**
 * {@code role.deleted.v1}: the role no longer exists; it is unassigned from every member and its
 * channel overwrites are gone.
 */
public record RoleDeleted(ServerId serverId, RoleId roleId) implements ServerEvent {}
