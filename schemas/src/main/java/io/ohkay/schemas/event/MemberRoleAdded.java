package io.ohkay.schemas.event;

import io.ohkay.schemas.id.RoleId;
import io.ohkay.schemas.id.ServerId;
import io.ohkay.schemas.id.UserId;

/** {@code member.role.added.v1}: the member now holds the role. */
public record MemberRoleAdded(ServerId serverId, UserId userId, RoleId roleId)
    implements ServerEvent {}
