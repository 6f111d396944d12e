package io.ohkay.schemas.access;

import static org.assertj.core.api.Assertions.assertThat;

import io.ohkay.schemas.event.ChannelDeleted;
import io.ohkay.schemas.event.ChannelOverwriteRemoved;
import io.ohkay.schemas.event.ChannelOverwriteSet;
import io.ohkay.schemas.event.EventPayload;
import io.ohkay.schemas.event.MemberLeft;
import io.ohkay.schemas.event.MemberRoleAdded;
import io.ohkay.schemas.event.MemberRoleRemoved;
import io.ohkay.schemas.event.RoleCreated;
import io.ohkay.schemas.event.RoleDeleted;
import io.ohkay.schemas.event.RoleUpdated;
import io.ohkay.schemas.event.ServerCreated;
import io.ohkay.schemas.id.ChannelId;
import io.ohkay.schemas.id.RoleId;
import io.ohkay.schemas.id.ServerId;
import io.ohkay.schemas.id.UserId;
import io.ohkay.schemas.permission.OverwriteTarget;
import io.ohkay.schemas.permission.Permission;
import io.ohkay.schemas.permission.PermissionSet;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AccessModelTest {

  private static final ServerId SERVER = new ServerId(UUID.randomUUID());
  private static final UserId OWNER = new UserId(UUID.randomUUID());
  private static final UserId ALICE = new UserId(UUID.randomUUID());
  private static final UserId BOB = new UserId(UUID.randomUUID());
  private static final ChannelId GENERAL = new ChannelId(UUID.randomUUID());
  private static final ChannelId STAFF = new ChannelId(UUID.randomUUID());
  private static final RoleId EVERYONE = new RoleId(SERVER.value());
  private static final RoleId MODS = new RoleId(UUID.randomUUID());
  private static final RoleId ADMINS = new RoleId(UUID.randomUUID());

  private static AccessModel given(EventPayload... events) {
    var model = AccessModel.empty(SERVER.value());
    model =
        model
            .evolve(new ServerCreated(SERVER, "s", OWNER, "main"))
            .evolve(
                new RoleCreated(
                    SERVER, EVERYONE, "@everyone", PermissionSet.EVERYONE_DEFAULT.toList()));
    for (var event : events) {
      model = model.evolve(event);
    }
    return model;
  }

  private static RoleCreated role(RoleId role, Permission... permissions) {
    return new RoleCreated(SERVER, role, "r", List.of(permissions));
  }

  private static ChannelOverwriteSet overwrite(
      UUID target, OverwriteTarget type, List<Permission> allow, List<Permission> deny) {
    return new ChannelOverwriteSet(SERVER, STAFF, type, target, allow, deny);
  }

  @Test
  void shouldGrantTheEveryoneDefaultsWhenAMemberHasNoRole() {
    var model = given();

    assertThat(model.serverPermissions(ALICE.value()).toList())
        .containsExactly(
            Permission.SEND_MESSAGES, Permission.VIEW_CHANNEL, Permission.CREATE_INVITES);
    assertThat(model.canView(ALICE.value(), GENERAL.value())).isTrue();
  }

  @Test
  void shouldGrantEverythingWhenTheMemberIsTheOwnerOrAnAdministrator() {
    var model =
        given(
            role(ADMINS, Permission.ADMINISTRATOR),
            new MemberRoleAdded(SERVER, ALICE, ADMINS),
            overwrite(
                EVERYONE.value(),
                OverwriteTarget.ROLE,
                List.of(),
                List.of(Permission.VIEW_CHANNEL)));

    assertThat(model.serverPermissions(OWNER.value())).isEqualTo(PermissionSet.ALL);
    assertThat(model.channelPermissions(ALICE.value(), STAFF.value())).isEqualTo(PermissionSet.ALL);
    assertThat(model.canView(BOB.value(), STAFF.value())).isFalse();
  }

  @Test
  void shouldLetARoleAllowOverrideAnEveryoneDenyWhenBothAreSet() {
    var model =
        given(
            role(MODS, Permission.KICK_MEMBERS),
            new MemberRoleAdded(SERVER, ALICE, MODS),
            overwrite(
                EVERYONE.value(),
                OverwriteTarget.ROLE,
                List.of(),
                List.of(Permission.VIEW_CHANNEL)),
            overwrite(
                MODS.value(), OverwriteTarget.ROLE, List.of(Permission.VIEW_CHANNEL), List.of()));

    assertThat(model.canView(ALICE.value(), STAFF.value())).isTrue();
    assertThat(model.canView(BOB.value(), STAFF.value())).isFalse();
    assertThat(model.canView(BOB.value(), GENERAL.value())).isTrue();
  }

  @Test
  void shouldLetAMemberOverwriteWinOverTheirRolesWhenItDenies() {
    var model =
        given(
            role(MODS, Permission.MANAGE_MESSAGES),
            new MemberRoleAdded(SERVER, ALICE, MODS),
            overwrite(
                MODS.value(), OverwriteTarget.ROLE, List.of(Permission.VIEW_CHANNEL), List.of()),
            overwrite(
                ALICE.value(),
                OverwriteTarget.MEMBER,
                List.of(),
                List.of(Permission.VIEW_CHANNEL)));

    assertThat(model.channelPermissions(ALICE.value(), STAFF.value()))
        .isEqualTo(PermissionSet.NONE);
    assertThat(model.serverPermissions(ALICE.value()).has(Permission.MANAGE_MESSAGES)).isTrue();
  }

  @Test
  void shouldForgetRolesAndOverwritesWhenTheyAreRemovedDeletedOrTheMemberLeaves() {
    var model =
        given(
            role(MODS, Permission.BAN_MEMBERS),
            new MemberRoleAdded(SERVER, ALICE, MODS),
            new MemberRoleAdded(SERVER, BOB, MODS),
            overwrite(
                ALICE.value(), OverwriteTarget.MEMBER, List.of(), List.of(Permission.VIEW_CHANNEL)),
            new MemberLeft(SERVER, ALICE, MemberLeft.Reason.LEFT),
            new RoleUpdated(SERVER, MODS, "m", List.of(Permission.KICK_MEMBERS)));

    assertThat(model.rolesOf(ALICE.value())).isEmpty();
    assertThat(model.canView(ALICE.value(), STAFF.value())).isTrue();
    assertThat(model.serverPermissions(BOB.value()).has(Permission.KICK_MEMBERS)).isTrue();
    assertThat(model.serverPermissions(BOB.value()).has(Permission.BAN_MEMBERS)).isFalse();

    var after =
        model
            .evolve(new MemberRoleRemoved(SERVER, BOB, MODS))
            .evolve(new RoleDeleted(SERVER, MODS));
    assertThat(after.roles()).containsOnlyKeys(EVERYONE.value());
    assertThat(after.memberRoles()).isEmpty();
  }

  @Test
  void shouldDropAChannelsOverwritesWhenTheChannelOrTheOverwriteGoes() {
    var denied =
        given(
            overwrite(
                BOB.value(), OverwriteTarget.MEMBER, List.of(), List.of(Permission.VIEW_CHANNEL)));

    assertThat(denied.evolve(new ChannelOverwriteRemoved(SERVER, STAFF, BOB.value())).overwrites())
        .isEmpty();
    assertThat(denied.evolve(new ChannelDeleted(SERVER, STAFF)).overwrites()).isEmpty();
  }
}
