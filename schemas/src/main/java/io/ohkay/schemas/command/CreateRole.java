package io.ohkay.schemas.command;

import io.ohkay.schemas.id.RoleId;
import io.ohkay.schemas.id.ServerId;
import io.ohkay.schemas.permission.Permission;
import java.util.List;
import java.util.Objects;

/** {@code role.create.v1}: add a role granting {@code permissions}. */
public record CreateRole(
    ServerId serverId, RoleId roleId, String name, List<Permission> permissions)
    implements ServerCommand {

  public CreateRole {
    Objects.requireNonNull(serverId, "serverId");
    Objects.requireNonNull(roleId, "roleId");
    Objects.requireNonNull(name, "name");
    permissions = List.copyOf(Objects.requireNonNull(permissions, "permissions"));
  }
}
