package io.ohkay.command.server;

import static io.ohkay.command.server.ServerFixture.ADMIN;
import static io.ohkay.command.server.ServerFixture.ADMINS;
import static io.ohkay.command.server.ServerFixture.EVERYONE;
import static io.ohkay.command.server.ServerFixture.HIDDEN;
import static io.ohkay.command.server.ServerFixture.MEMBER;
import static io.ohkay.command.server.ServerFixture.MOD;
import static io.ohkay.command.server.ServerFixture.MODS;
import static io.ohkay.command.server.ServerFixture.MOD_PERMISSIONS;
import static io.ohkay.command.server.ServerFixture.OWNER;
import static io.ohkay.command.server.ServerFixture.SERVER;
import static io.ohkay.command.server.ServerFixture.STRANGER;
import static io.ohkay.command.server.ServerFixture.matrix;

import io.ohkay.command.decider.DeciderSpec;
import io.ohkay.schemas.command.AssignRole;
import io.ohkay.schemas.command.CreateRole;
import io.ohkay.schemas.command.DeleteRole;
import io.ohkay.schemas.command.KickMember;
import io.ohkay.schemas.command.ServerCommand;
import io.ohkay.schemas.command.UnassignRole;
import io.ohkay.schemas.command.UpdateRole;
import io.ohkay.schemas.error.ErrorCode;
import io.ohkay.schemas.event.MemberRoleAdded;
import io.ohkay.schemas.event.MemberRoleRemoved;
import io.ohkay.schemas.event.RoleCreated;
import io.ohkay.schemas.event.RoleDeleted;
import io.ohkay.schemas.event.RoleUpdated;
import io.ohkay.schemas.id.RoleId;
import io.ohkay.schemas.permission.Permission;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RoleRulesTest {

  private static final RoleId NEW = new RoleId(UUID.randomUUID());
  private static final RoleId MANAGERS = new RoleId(UUID.randomUUID());
  private static final List<Permission> KICK = List.of(Permission.KICK_MEMBERS);

  private final DeciderSpec<ServerCommand, ServerState> spec = DeciderSpec.of(new ServerDecider());

  /** The matrix, and MEMBER managing roles with KICK_MEMBERS but nothing else beyond everyone's. */
  private DeciderSpec<ServerCommand, ServerState> withManager() {
    return spec.given(matrix())
        .given(
            new RoleCreated(
                SERVER,
                MANAGERS,
                "managers",
                List.of(Permission.MANAGE_ROLES, Permission.KICK_MEMBERS)),
            new MemberRoleAdded(SERVER, MEMBER, MANAGERS));
  }

  @Test
  void shouldCreateARoleWhenTheActorManagesRolesAndHoldsWhatItGrants() {
    var helpers = new CreateRole(SERVER, NEW, "helpers", MOD_PERMISSIONS);
    withManager()
        .when(helpers, OWNER)
        .thenEvents(new RoleCreated(SERVER, NEW, "helpers", MOD_PERMISSIONS));
    spec.when(helpers, ADMIN).thenEvents(new RoleCreated(SERVER, NEW, "helpers", MOD_PERMISSIONS));
    spec.when(new CreateRole(SERVER, NEW, "kickers", KICK), MEMBER)
        .thenEvents(new RoleCreated(SERVER, NEW, "kickers", KICK));
    spec.when(helpers, MEMBER).thenRejected(ErrorCode.MISSING_PERMISSION);
    spec.when(helpers, MOD).thenRejected(ErrorCode.MISSING_PERMISSION);
    spec.when(helpers, HIDDEN).thenRejected(ErrorCode.MISSING_PERMISSION);
    spec.when(helpers, STRANGER).thenRejected(ErrorCode.SERVER_NOT_FOUND);
    spec.when(new CreateRole(SERVER, MODS, "again", KICK), OWNER)
        .thenRejected(ErrorCode.ROLE_ALREADY_EXISTS);
  }

  @Test
  void shouldKeepWhatAnUpdateLeavesOutWhenARoleIsUpdated() {
    withManager()
        .when(new UpdateRole(SERVER, MODS, "moderators", null), OWNER)
        .thenEvents(new RoleUpdated(SERVER, MODS, "moderators", MOD_PERMISSIONS));
    spec.when(new UpdateRole(SERVER, MODS, null, KICK), ADMIN)
        .thenEvents(new RoleUpdated(SERVER, MODS, "mods", KICK));
    spec.when(new UpdateRole(SERVER, EVERYONE, null, List.of(Permission.VIEW_CHANNEL)), OWNER)
        .thenEvents(
            new RoleUpdated(SERVER, EVERYONE, "@everyone", List.of(Permission.VIEW_CHANNEL)));
    spec.given(new RoleUpdated(SERVER, MODS, "moderators", KICK))
        .when(new UpdateRole(SERVER, MODS, null, null), OWNER)
        .thenEvents(new RoleUpdated(SERVER, MODS, "moderators", KICK));
  }

  @Test
  void shouldRefuseAnUpdateWhenTheRoleIsUnknownOrGrantsWhatTheActorLacks() {
    withManager()
        .when(new UpdateRole(SERVER, new RoleId(UUID.randomUUID()), "x", null), OWNER)
        .thenRejected(ErrorCode.ROLE_NOT_FOUND);
    spec.when(new UpdateRole(SERVER, MODS, "mine", null), MEMBER)
        .thenRejected(ErrorCode.MISSING_PERMISSION);
    spec.when(
            new UpdateRole(
                SERVER, MANAGERS, null, List.of(Permission.MANAGE_ROLES, Permission.BAN_MEMBERS)),
            MEMBER)
        .thenRejected(ErrorCode.MISSING_PERMISSION);
    spec.when(new UpdateRole(SERVER, MANAGERS, "kickers", null), MEMBER)
        .thenEvents(
            new RoleUpdated(
                SERVER,
                MANAGERS,
                "kickers",
                List.of(Permission.MANAGE_ROLES, Permission.KICK_MEMBERS)));
    spec.when(new UpdateRole(SERVER, MODS, "x", null), MOD)
        .thenRejected(ErrorCode.MISSING_PERMISSION);
  }

  @Test
  void shouldDeleteARoleButNeverTheEveryoneRole() {
    withManager()
        .when(new DeleteRole(SERVER, MODS), OWNER)
        .thenEvents(new RoleDeleted(SERVER, MODS));
    spec.when(new DeleteRole(SERVER, EVERYONE), OWNER).thenRejected(ErrorCode.VALIDATION_FAILED);
    spec.when(new DeleteRole(SERVER, NEW), OWNER).thenRejected(ErrorCode.ROLE_NOT_FOUND);
    spec.when(new DeleteRole(SERVER, ADMINS), MEMBER).thenRejected(ErrorCode.MISSING_PERMISSION);
    spec.when(new DeleteRole(SERVER, MODS), MOD).thenRejected(ErrorCode.MISSING_PERMISSION);
  }

  @Test
  void shouldTakeTheRolesPermissionsAwayWhenTheRoleIsDeletedOrUnassigned() {
    var kick = new KickMember(SERVER, HIDDEN, null);
    spec.given(matrix())
        .given(new RoleDeleted(SERVER, MODS))
        .when(kick, MOD)
        .thenRejected(ErrorCode.MISSING_PERMISSION);
    var again = DeciderSpec.of(new ServerDecider());
    again
        .given(matrix())
        .given(new MemberRoleRemoved(SERVER, MOD, MODS))
        .when(kick, MOD)
        .thenRejected(ErrorCode.MISSING_PERMISSION);
  }

  @Test
  void shouldAssignAndUnassignARoleWhenTheTargetIsAMember() {
    withManager()
        .when(new AssignRole(SERVER, HIDDEN, MODS), OWNER)
        .thenEvents(new MemberRoleAdded(SERVER, HIDDEN, MODS));
    spec.when(new AssignRole(SERVER, HIDDEN, MANAGERS), MEMBER)
        .thenEvents(new MemberRoleAdded(SERVER, HIDDEN, MANAGERS));
    spec.when(new UnassignRole(SERVER, MOD, MODS), ADMIN)
        .thenEvents(new MemberRoleRemoved(SERVER, MOD, MODS));
  }

  @Test
  void shouldRefuseAnAssignmentWhenTheRoleTargetOrActorIsNotRight() {
    withManager()
        .when(new AssignRole(SERVER, HIDDEN, EVERYONE), OWNER)
        .thenRejected(ErrorCode.VALIDATION_FAILED);
    spec.when(new UnassignRole(SERVER, HIDDEN, EVERYONE), OWNER)
        .thenRejected(ErrorCode.VALIDATION_FAILED);
    spec.when(new AssignRole(SERVER, STRANGER, MODS), OWNER)
        .thenRejected(ErrorCode.MEMBER_NOT_FOUND);
    spec.when(new AssignRole(SERVER, HIDDEN, NEW), OWNER).thenRejected(ErrorCode.ROLE_NOT_FOUND);
    spec.when(new AssignRole(SERVER, MOD, MODS), OWNER).thenRejected(ErrorCode.VALIDATION_FAILED);
    spec.when(new UnassignRole(SERVER, HIDDEN, MODS), OWNER).thenRejected(ErrorCode.ROLE_NOT_FOUND);
    spec.when(new AssignRole(SERVER, MEMBER, ADMINS), MEMBER)
        .thenRejected(ErrorCode.MISSING_PERMISSION);
    spec.when(new AssignRole(SERVER, HIDDEN, MODS), MEMBER)
        .thenRejected(ErrorCode.MISSING_PERMISSION);
    spec.when(new AssignRole(SERVER, HIDDEN, MODS), MOD).thenRejected(ErrorCode.MISSING_PERMISSION);
    spec.when(new AssignRole(SERVER, HIDDEN, MODS), STRANGER)
        .thenRejected(ErrorCode.SERVER_NOT_FOUND);
  }
}
