package io.ohkay.schemas.command;

import io.ohkay.schemas.id.RoleId;
import io.ohkay.schemas.id.ServerId;
import io.ohkay.schemas.id.UserId;
import java.util.Objects;

/** {@code member.role.assign.v1}: give a member a role. */
public record AssignRole(ServerId serverId, UserId userId, RoleId roleId) implements ServerCommand {

  public AssignRole {
    Objects.requireNonNull(serverId, "serverId");
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(roleId, "roleId");
  }
}
