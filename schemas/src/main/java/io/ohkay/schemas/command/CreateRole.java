package io.ohkay.schemas.command;

import io.ohkay.schemas.id.RoleId;
import io.ohkay.schemas.id.ServerId;
import io.ohkay.schemas.permission.Permission;
import java.util.List;

/** {@code role.create.v1}: add a role granting {@code permissions}. */
public record CreateRole(
    ServerId serverId, RoleId roleId, String name, List<Permission> permissions)
    implements ServerCommand {

  public CreateRole {
    permissions = List.copyOf(permissions);
  }
}
