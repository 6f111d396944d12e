package io.ohkay.schemas.event;

import io.ohkay.schemas.id.RoleId;
import io.ohkay.schemas.id.ServerId;
import io.ohkay.schemas.id.UserId;

/** {@code member.role.removed.v1}: the member no longer holds the role. */
public record MemberRoleRemoved(ServerId serverId, UserId userId, RoleId roleId)
    implements ServerEvent {}
