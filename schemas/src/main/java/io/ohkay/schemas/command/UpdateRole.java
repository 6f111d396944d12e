package io.ohkay.schemas.command;

import io.ohkay.schemas.id.RoleId;
import io.ohkay.schemas.id.ServerId;
import io.ohkay.schemas.permission.Permission;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** {@code role.update.v1}: change a role's name and/or permissions (null: unchanged). */
public record UpdateRole(
    ServerId serverId, RoleId roleId, @Nullable String name, @Nullable List<Permission> permissions)
    implements ServerCommand {

  public UpdateRole {
    Objects.requireNonNull(serverId, "serverId");
    Objects.requireNonNull(roleId, "roleId");
    permissions = permissions == null ? null : List.copyOf(permissions);
  }
}
