package io.ohkay.schemas.command;

import io.ohkay.schemas.id.RoleId;
import io.ohkay.schemas.id.ServerId;

/** {@code role.delete.v1}: delete a role (never the everyone role). */
public record DeleteRole(ServerId serverId, RoleId roleId) implements ServerCommand {}
