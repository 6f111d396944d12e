package io.ohkay.schemas.access;

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
import io.ohkay.schemas.permission.ChannelOverwrite;
import io.ohkay.schemas.permission.Permission;
import io.ohkay.schemas.permission.PermissionSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Who may do what in one server: its owner, its roles' permissions (the everyone role has the
 * server's id), each member's roles and each channel's overwrites. Evolved from the server's events
 * by the decider and the edge alike, and built from rows by the edge's reads, so all three compute
 * the same answer.
 *
 * <p>The computation follows Discord's: the owner and administrators have everything; otherwise the
 * everyone role's permissions plus the member's roles', then in a channel the everyone overwrite,
 * the member's roles' overwrites (all denies, then all allows) and the member's own overwrite. A
 * channel one cannot view grants nothing.
 *
 * @param serverId the server, also the everyone role's id
 * @param ownerId the owner, null before the server exists
 * @param roles role id to what it grants
 * @param memberRoles member to the roles assigned to them (the everyone role is implied)
 * @param overwrites channel to target id to its overwrite
 */
public record AccessModel(
    UUID serverId,
    @Nullable UUID ownerId,
    Map<UUID, PermissionSet> roles,
    Map<UUID, Set<UUID>> memberRoles,
    Map<UUID, Map<UUID, ChannelOverwrite>> overwrites) {

  public AccessModel {
    roles = Map.copyOf(roles);
    memberRoles = Map.copyOf(memberRoles);
    overwrites = Map.copyOf(overwrites);
  }

  /** A server nobody has created yet. */
  public static AccessModel empty(UUID serverId) {
    return new AccessModel(serverId, null, Map.of(), Map.of(), Map.of());
  }

  /** The everyone role's id. */
  public UUID everyoneRoleId() {
    return serverId;
  }

  /** What {@code member} (assumed a member) may do server-wide. */
  public PermissionSet serverPermissions(UUID member) {
    if (member.equals(ownerId)) {
      return PermissionSet.ALL;
    }
    var granted = roles.getOrDefault(serverId, PermissionSet.NONE);
    for (var role : rolesOf(member)) {
      granted = granted.with(roles.getOrDefault(role, PermissionSet.NONE));
    }
    return granted.has(Permission.ADMINISTRATOR) ? PermissionSet.ALL : granted;
  }

  /**
   * What {@code member} (assumed a member) may do in {@code channel}; none if they cannot view it.
   */
  public PermissionSet channelPermissions(UUID member, UUID channel) {
    var granted = serverPermissions(member);
    if (granted.has(Permission.ADMINISTRATOR)) {
      return PermissionSet.ALL;
    }
    var channelOverwrites = overwrites.getOrDefault(channel, Map.of());
    granted = apply(granted, channelOverwrites.get(serverId));
    var allow = PermissionSet.NONE;
    var deny = PermissionSet.NONE;
    for (var role : rolesOf(member)) {
      var overwrite = channelOverwrites.get(role);
      if (overwrite != null) {
        allow = allow.with(overwrite.allow());
        deny = deny.with(overwrite.deny());
      }
    }
    granted = granted.without(deny).with(allow);
    granted = apply(granted, channelOverwrites.get(member));
    return granted.has(Permission.VIEW_CHANNEL) ? granted : PermissionSet.NONE;
  }

  /** Whether {@code member} may view {@code channel}. */
  public boolean canView(UUID member, UUID channel) {
    return channelPermissions(member, channel).has(Permission.VIEW_CHANNEL);
  }

  /** The roles assigned to {@code member}, the everyone role excluded. */
  public Set<UUID> rolesOf(UUID member) {
    return memberRoles.getOrDefault(member, Set.of());
  }

  /** The model after {@code event}; itself for events that change no permission. */
  public AccessModel evolve(EventPayload event) {
    return switch (event) {
      case ServerCreated created ->
          new AccessModel(serverId, created.ownerId().value(), roles, memberRoles, overwrites);
      case RoleCreated created -> withRole(created.roleId().value(), created.permissions());
      case RoleUpdated updated -> withRole(updated.roleId().value(), updated.permissions());
      case RoleDeleted deleted -> withoutRole(deleted.roleId().value());
      case MemberRoleAdded added ->
          withMemberRole(added.userId().value(), added.roleId().value(), true);
      case MemberRoleRemoved removed ->
          withMemberRole(removed.userId().value(), removed.roleId().value(), false);
      case MemberLeft left -> withoutMember(left.userId().value());
      case ChannelOverwriteSet set ->
          withOverwrite(
              set.channelId().value(),
              set.targetId(),
              new ChannelOverwrite(
                  set.targetType(),
                  set.targetId(),
                  PermissionSet.of(set.allow()),
                  PermissionSet.of(set.deny())));
      case ChannelOverwriteRemoved removed ->
          withOverwrite(removed.channelId().value(), removed.targetId(), null);
      case ChannelDeleted deleted -> withoutChannel(deleted.channelId().value());
      default -> this;
    };
  }

  private static PermissionSet apply(PermissionSet granted, @Nullable ChannelOverwrite overwrite) {
    return overwrite == null ? granted : granted.without(overwrite.deny()).with(overwrite.allow());
  }

  private AccessModel withRole(UUID role, java.util.List<Permission> permissions) {
    var next = new HashMap<>(roles);
    next.put(role, PermissionSet.of(permissions));
    return new AccessModel(serverId, ownerId, next, memberRoles, overwrites);
  }

  private AccessModel withoutRole(UUID role) {
    var nextRoles = new HashMap<>(roles);
    nextRoles.remove(role);
    var nextMembers = new HashMap<UUID, Set<UUID>>();
    memberRoles.forEach(
        (member, held) -> {
          var kept = new HashSet<>(held);
          kept.remove(role);
          if (!kept.isEmpty()) {
            nextMembers.put(member, Set.copyOf(kept));
          }
        });
    return new AccessModel(serverId, ownerId, nextRoles, nextMembers, withoutTarget(role));
  }

  private AccessModel withMemberRole(UUID member, UUID role, boolean held) {
    var kept = new HashSet<>(rolesOf(member));
    if (held) {
      kept.add(role);
    } else {
      kept.remove(role);
    }
    var next = new HashMap<>(memberRoles);
    if (kept.isEmpty()) {
      next.remove(member);
    } else {
      next.put(member, Set.copyOf(kept));
    }
    return new AccessModel(serverId, ownerId, roles, next, overwrites);
  }

  private AccessModel withoutMember(UUID member) {
    var next = new HashMap<>(memberRoles);
    next.remove(member);
    return new AccessModel(serverId, ownerId, roles, next, withoutTarget(member));
  }

  private AccessModel withOverwrite(
      UUID channel, UUID target, @Nullable ChannelOverwrite overwrite) {
    var forChannel = new HashMap<>(overwrites.getOrDefault(channel, Map.of()));
    if (overwrite == null) {
      forChannel.remove(target);
    } else {
      forChannel.put(target, overwrite);
    }
    var next = new HashMap<>(overwrites);
    if (forChannel.isEmpty()) {
      next.remove(channel);
    } else {
      next.put(channel, Map.copyOf(forChannel));
    }
    return new AccessModel(serverId, ownerId, roles, memberRoles, next);
  }

  private AccessModel withoutChannel(UUID channel) {
    var next = new HashMap<>(overwrites);
    next.remove(channel);
    return new AccessModel(serverId, ownerId, roles, memberRoles, next);
  }

  /** The overwrites without those of {@code target} (a deleted role, a departed member). */
  private Map<UUID, Map<UUID, ChannelOverwrite>> withoutTarget(UUID target) {
    var next = new HashMap<UUID, Map<UUID, ChannelOverwrite>>();
    overwrites.forEach(
        (channel, forChannel) -> {
          var kept = new HashMap<>(forChannel);
          kept.remove(target);
          if (!kept.isEmpty()) {
            next.put(channel, Map.copyOf(kept));
          }
        });
    return next;
  }
}
