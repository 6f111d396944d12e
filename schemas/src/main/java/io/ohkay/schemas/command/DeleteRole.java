package io.ohkay.schemas.command;

import io.ohkay.schemas.id.RoleId;
import io.ohkay.schemas.id.ServerId;
import java.util.Objects;

/** {@code role.delete.v1}: delete a role (never the everyone role). */
public record DeleteRole(ServerId serverId, RoleId roleId) implements ServerCommand {

  public DeleteRole {
    Objects.requireNonNull(serverId, "serverId");
    Objects.requireNonNull(roleId, "roleId");
  }
}
