package io.ohkay.schemas.event;

import io.ohkay.schemas.id.RoleId;
import io.ohkay.schemas.id.ServerId;
import io.ohkay.schemas.permission.Permission;
import java.util.List;

/**
 * {@code role.created.v1}: a role granting {@code permissions} exists in the server. The everyone
 * role (id = server id) is created with the server.
 */
public record RoleCreated(
    ServerId serverId, RoleId roleId, String name, List<Permission> permissions)
    implements ServerEvent {

  public RoleCreated {
    permissions = List.copyOf(permissions);
  }
}
