package io.ohkay.command.server;

import io.ohkay.schemas.event.ChannelCreated;
import io.ohkay.schemas.event.ChannelOverwriteSet;
import io.ohkay.schemas.event.EventPayload;
import io.ohkay.schemas.event.MemberJoined;
import io.ohkay.schemas.event.MemberRoleAdded;
import io.ohkay.schemas.event.RoleCreated;
import io.ohkay.schemas.event.ServerCreated;
import io.ohkay.schemas.id.ChannelId;
import io.ohkay.schemas.id.RoleId;
import io.ohkay.schemas.id.ServerId;
import io.ohkay.schemas.id.UserId;
import io.ohkay.schemas.permission.OverwriteTarget;
import io.ohkay.schemas.permission.Permission;
import io.ohkay.schemas.permission.PermissionSet;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The permission matrix every rule is tested against: an owner, an administrator, a moderator
 * (KICK, BAN, MANAGE_MESSAGES), a plain member, a member denied VIEW on {@link #SECRET} by a member
 * overwrite, and a stranger.
 */
final class ServerFixture {

  static final ServerId SERVER = new ServerId(UUID.randomUUID());
  static final RoleId EVERYONE = new RoleId(SERVER.value());
  static final UserId OWNER = new UserId(UUID.randomUUID());
  static final UserId ADMIN = new UserId(UUID.randomUUID());
  static final UserId MOD = new UserId(UUID.randomUUID());
  static final UserId MEMBER = new UserId(UUID.randomUUID());
  static final UserId HIDDEN = new UserId(UUID.randomUUID());
  static final UserId STRANGER = new UserId(UUID.randomUUID());
  static final ChannelId GENERAL = new ChannelId(UUID.randomUUID());
  static final ChannelId SECRET = new ChannelId(UUID.randomUUID());
  static final RoleId ADMINS = new RoleId(UUID.randomUUID());
  static final RoleId MODS = new RoleId(UUID.randomUUID());
  static final List<Permission> MOD_PERMISSIONS =
      List.of(Permission.KICK_MEMBERS, Permission.BAN_MEMBERS, Permission.MANAGE_MESSAGES);

  private ServerFixture() {}

  /** A new server as CreateServer leaves it: owner, general channel, everyone role. */
  static EventPayload[] created() {
    return new EventPayload[] {
      new ServerCreated(SERVER, "S", OWNER, "main"),
      new MemberJoined(SERVER, OWNER),
      new ChannelCreated(SERVER, GENERAL, "general", 0),
      new RoleCreated(SERVER, EVERYONE, "@everyone", PermissionSet.EVERYONE_DEFAULT.toList())
    };
  }

  /** The whole matrix: {@link #created()}, a secret channel, the members and their roles. */
  static EventPayload[] matrix() {
    var events = new ArrayList<>(List.of(created()));
    events.add(new ChannelCreated(SERVER, SECRET, "secret", 1));
    for (var user : List.of(ADMIN, MOD, MEMBER, HIDDEN)) {
      events.add(new MemberJoined(SERVER, user));
    }
    events.add(new RoleCreated(SERVER, ADMINS, "admins", List.of(Permission.ADMINISTRATOR)));
    events.add(new RoleCreated(SERVER, MODS, "mods", MOD_PERMISSIONS));
    events.add(new MemberRoleAdded(SERVER, ADMIN, ADMINS));
    events.add(new MemberRoleAdded(SERVER, MOD, MODS));
    events.add(
        new ChannelOverwriteSet(
            SERVER,
            SECRET,
            OverwriteTarget.MEMBER,
            HIDDEN.value(),
            List.of(),
            List.of(Permission.VIEW_CHANNEL)));
    return events.toArray(EventPayload[]::new);
  }
}
