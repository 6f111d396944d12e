package io.ohkay.command.server;

import io.ohkay.command.decider.Decision;
import io.ohkay.schemas.command.AssignRole;
import io.ohkay.schemas.command.CreateRole;
import io.ohkay.schemas.command.DeleteRole;
import io.ohkay.schemas.command.UnassignRole;
import io.ohkay.schemas.command.UpdateRole;
import io.ohkay.schemas.error.ErrorCode;
import io.ohkay.schemas.event.MemberRoleAdded;
import io.ohkay.schemas.event.MemberRoleRemoved;
import io.ohkay.schemas.event.RoleCreated;
import io.ohkay.schemas.event.RoleDeleted;
import io.ohkay.schemas.event.RoleUpdated;
import io.ohkay.schemas.id.RoleId;
import io.ohkay.schemas.id.ServerId;
import io.ohkay.schemas.id.UserId;
import io.ohkay.schemas.permission.Permission;
import io.ohkay.schemas.permission.PermissionSet;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Role decisions: create, update, delete, assign and unassign, each needing MANAGE_ROLES. A
 * non-administrator may only touch roles granting nothing they lack themselves, before and after
 * the change. The everyone role (id = server id) can be updated, never deleted nor assigned.
 */
final class RoleRules {

  static final String EVERYONE = "@everyone";

  private RoleRules() {}

  static Decision create(CreateRole command, UserId actor, ServerState state) {
    var refusal = Guards.holds(actor, Permission.MANAGE_ROLES, state);
    if (refusal != null) {
      return refusal;
    }
    if (state.rolePermissions(command.roleId().value()) != null) {
      return Decision.reject(ErrorCode.ROLE_ALREADY_EXISTS, "Role id already used.");
    }
    var granted = PermissionSet.of(command.permissions());
    refusal = Guards.grantable(granted, state.permissions(actor));
    return refusal != null
        ? refusal
        : Decision.accept(
            new RoleCreated(
                command.serverId(), command.roleId(), command.name(), granted.toList()));
  }

  static Decision update(UpdateRole command, UserId actor, ServerState state) {
    var refusal = manage(actor, command.roleId(), state);
    if (refusal != null) {
      return refusal;
    }
    var current = Objects.requireNonNull(state.rolePermissions(command.roleId().value()));
    var next = command.permissions() == null ? current : PermissionSet.of(command.permissions());
    refusal = Guards.grantable(next, state.permissions(actor));
    if (refusal != null) {
      return refusal;
    }
    var name =
        command.name() != null
            ? command.name()
            : nameOf(command.serverId(), command.roleId(), state);
    return Decision.accept(
        new RoleUpdated(command.serverId(), command.roleId(), name, next.toList()));
  }

  static Decision delete(DeleteRole command, UserId actor, ServerState state) {
    var refusal = manage(actor, command.roleId(), state);
    if (refusal == null && isEveryone(command.serverId(), command.roleId())) {
      return Decision.reject(ErrorCode.VALIDATION_FAILED, "The everyone role cannot be deleted.");
    }
    return refusal != null
        ? refusal
        : Decision.accept(new RoleDeleted(command.serverId(), command.roleId()));
  }

  static Decision assign(AssignRole command, UserId actor, ServerState state) {
    var refusal = assignment(command.serverId(), command.roleId(), command.userId(), actor, state);
    if (refusal != null) {
      return refusal;
    }
    if (state.rolesOf(command.userId()).contains(command.roleId().value())) {
      return Decision.reject(ErrorCode.VALIDATION_FAILED, "The member already holds this role.");
    }
    return Decision.accept(
        new MemberRoleAdded(command.serverId(), command.userId(), command.roleId()));
  }

  static Decision unassign(UnassignRole command, UserId actor, ServerState state) {
    var refusal = assignment(command.serverId(), command.roleId(), command.userId(), actor, state);
    if (refusal != null) {
      return refusal;
    }
    if (!state.rolesOf(command.userId()).contains(command.roleId().value())) {
      return Decision.reject(ErrorCode.ROLE_NOT_FOUND, "The member does not hold this role.");
    }
    return Decision.accept(
        new MemberRoleRemoved(command.serverId(), command.userId(), command.roleId()));
  }

  private static @Nullable Decision assignment(
      ServerId server, RoleId role, UserId target, UserId actor, ServerState state) {
    var refusal = manage(actor, role, state);
    if (refusal != null) {
      return refusal;
    }
    if (isEveryone(server, role)) {
      return Decision.reject(
          ErrorCode.VALIDATION_FAILED, "Every member holds the everyone role already.");
    }
    if (!state.isMember(target)) {
      return Decision.reject(ErrorCode.MEMBER_NOT_FOUND, "No such member.");
    }
    return null;
  }

  /** MANAGE_ROLES, an existing role, and nothing granted by it that the actor lacks. */
  private static @Nullable Decision manage(UserId actor, RoleId role, ServerState state) {
    var refusal = Guards.holds(actor, Permission.MANAGE_ROLES, state);
    if (refusal != null) {
      return refusal;
    }
    var granted = state.rolePermissions(role.value());
    if (granted == null) {
      return Decision.reject(ErrorCode.ROLE_NOT_FOUND, "No such role.");
    }
    return Guards.grantable(granted, state.permissions(actor));
  }

  private static String nameOf(ServerId server, RoleId role, ServerState state) {
    var name = state.roleNames().get(role.value());
    if (name != null) {
      return name;
    }
    return isEveryone(server, role) ? EVERYONE : role.toString();
  }

  private static boolean isEveryone(ServerId server, RoleId role) {
    return server.value().equals(role.value());
  }
}
