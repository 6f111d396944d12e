package io.ohkay.schemas.event;

import io.ohkay.schemas.id.RoleId;
import io.ohkay.schemas.id.ServerId;
import io.ohkay.schemas.permission.Permission;
import java.util.List;

/** {@code role.updated.v1}: the role's name and permissions are now these (the whole new value). */
public record RoleUpdated(
    ServerId serverId, RoleId roleId, String name, List<Permission> permissions)
    implements ServerEvent {

  public RoleUpdated {
    permissions = List.copyOf(permissions);
  }
}
