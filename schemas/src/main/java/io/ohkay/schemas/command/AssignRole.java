package io.ohkay.schemas.command;

import io.ohkay.schemas.id.RoleId;
import io.ohkay.schemas.id.ServerId;
import io.ohkay.schemas.id.UserId;

/** {@code member.role.assign.v1}: give a member a role. */
public record AssignRole(ServerId serverId, UserId userId, RoleId roleId)
    implements ServerCommand {}
