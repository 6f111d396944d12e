package io.ohkay.schemas.command;

import io.ohkay.schemas.id.RoleId;
import io.ohkay.schemas.id.ServerId;
import io.ohkay.schemas.id.UserId;
import java.util.Objects;

/** {@code member.role.unassign.v1}: take a role from a member. */
public record UnassignRole(ServerId serverId, UserId userId, RoleId roleId)
    implements ServerCommand {

  public UnassignRole {
    Objects.requireNonNull(serverId, "serverId");
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(roleId, "roleId");
  }
}
