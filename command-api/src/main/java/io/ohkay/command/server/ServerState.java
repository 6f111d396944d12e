package io.ohkay.command.server;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import io.ohkay.schemas.access.AccessModel;
import io.ohkay.schemas.event.EventPayload;
import io.ohkay.schemas.id.ChannelId;
import io.ohkay.schemas.id.MessageId;
import io.ohkay.schemas.id.ServerId;
import io.ohkay.schemas.id.UserId;
import io.ohkay.schemas.permission.PermissionSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What the server aggregate must know to decide: existence, owner, profile, members, bans, invites,
 * channels (in display order: a channel's index is its position), who may do what ({@code access})
 * and the roles' names. {@code message} is the one message a command is about: a part, stored apart
 * from the state and never in it (see {@link ServerDecider#partKey}).
 *
 * <p>States stored before roles existed have no {@code access} (nor {@code deleted}, read as
 * false); {@link #in} gives them the permissions servers had then (the owner everything, members
 * the everyone defaults).
 */
record ServerState(
    boolean exists,
    @Nullable UserId ownerId,
    Set<UserId> members,
    List<ChannelId> channels,
    Set<UserId> bans,
    Map<String, Invite> invites,
    @Nullable AccessModel access,
    Map<UUID, String> roleNames,
    @Nullable String name,
    @Nullable String description,
    @JsonSetter(nulls = Nulls.AS_EMPTY) boolean deleted,
    @Nullable Message message) {

  static final ServerState NONE =
      new ServerState(
          false, null, Set.of(), List.of(), Set.of(), Map.of(), null, Map.of(), null, null, false,
          null);

  ServerState {
    members = Set.copyOf(members);
    channels = List.copyOf(channels);
    bans = bans == null ? Set.of() : Set.copyOf(bans);
    invites = invites == null ? Map.of() : Map.copyOf(invites);
    roleNames = roleNames == null ? Map.of() : Map.copyOf(roleNames);
  }

  /** An invite code: until when, how many joins, how many used. */
  record Invite(@Nullable Instant expiresAt, @Nullable Integer maxUses, int uses) {

    boolean usableAt(Instant at) {
      return (expiresAt == null || at.isBefore(expiresAt)) && (maxUses == null || uses < maxUses);
    }
  }

  /** The facts about one message its edit or deletion is decided on. */
  record Message(MessageId id, ChannelId channelId, UserId authorId, boolean deleted) {}

  /** This state with an access model, for the server {@code server}. */
  ServerState in(ServerId server) {
    if (access != null) {
      return this;
    }
    var model = AccessModel.empty(server.value());
    if (exists && ownerId != null) {
      var everyone = Map.of(server.value(), PermissionSet.EVERYONE_DEFAULT);
      model = new AccessModel(server.value(), ownerId.value(), everyone, Map.of(), Map.of());
    }
    var next = edit();
    next.access = model;
    return next.done();
  }

  boolean isMember(@Nullable UserId user) {
    return exists && !deleted && user != null && members.contains(user);
  }

  boolean isOwner(@Nullable UserId user) {
    return exists && user != null && user.equals(ownerId);
  }

  /** What {@code member} may do server-wide. */
  PermissionSet permissions(UserId member) {
    return model().serverPermissions(member.value());
  }

  /** What {@code member} may do in an existing {@code channel}; none if they cannot view it. */
  PermissionSet permissionsIn(UserId member, ChannelId channel) {
    return model().channelPermissions(member.value(), channel.value());
  }

  /** Whether {@code channel} exists and {@code member} may view it. */
  boolean canView(UserId member, ChannelId channel) {
    return channels.contains(channel) && model().canView(member.value(), channel.value());
  }

  /** What the role grants, or null if there is no such role. */
  @Nullable PermissionSet rolePermissions(UUID role) {
    return model().roles().get(role);
  }

  /** The roles assigned to {@code member}, the everyone role excluded. */
  Set<UUID> rolesOf(UserId member) {
    return model().rolesOf(member.value());
  }

  /** Whether {@code channel} has an overwrite for the role or member {@code target}. */
  boolean hasOverwrite(ChannelId channel, UUID target) {
    return model().overwrites().getOrDefault(channel.value(), Map.of()).containsKey(target);
  }

  private AccessModel model() {
    if (access == null) {
      throw new IllegalStateException("a state is decided on only once it is in(server)");
    }
    return access;
  }

  ServerState created(UserId owner, String serverName) {
    var next = edit();
    next.exists = true;
    next.ownerId = owner;
    next.name = serverName;
    return next.done();
  }

  ServerState withProfile(String serverName, @Nullable String serverDescription) {
    var next = edit();
    next.name = serverName;
    next.description = serverDescription;
    return next.done();
  }

  /** Deleted for good: only the fact that the id was used remains. */
  ServerState deletedForGood() {
    var next = NONE.edit();
    next.exists = true;
    next.deleted = true;
    next.ownerId = ownerId;
    next.access = access == null ? null : AccessModel.empty(access.serverId());
    return next.done();
  }

  /** With who may do what after {@code event}. */
  ServerState withAccessAfter(EventPayload event) {
    var model = model().evolve(event);
    if (model == access) {
      return this;
    }
    var next = edit();
    next.access = model;
    return next.done();
  }

  ServerState withRoleName(UUID role, @Nullable String roleName) {
    var next = edit();
    if (roleName == null) {
      next.roleNames.remove(role);
    } else {
      next.roleNames.put(role, roleName);
    }
    return next.done();
  }

  /**
   * This state lending {@code part}; built directly, not through {@link #edit}, so the collections
   * (a thousand members) are shared, not copied, on every message command.
   */
  ServerState withMessage(@Nullable Message part) {
    return new ServerState(
        exists,
        ownerId,
        members,
        channels,
        bans,
        invites,
        access,
        roleNames,
        name,
        description,
        deleted,
        part);
  }

  ServerState withMember(UserId user, boolean member) {
    var next = edit();
    if (member) {
      next.members.add(user);
    } else {
      next.members.remove(user);
    }
    return next.done();
  }

  /** With {@code channel} at {@code position} (clamped), the others keeping their order. */
  ServerState withChannelAt(ChannelId channel, int position) {
    var next = edit();
    next.channels.remove(channel);
    next.channels.add(Math.max(0, Math.min(position, next.channels.size())), channel);
    return next.done();
  }

  ServerState withoutChannel(ChannelId channel) {
    var next = edit();
    next.channels.remove(channel);
    return next.done();
  }

  ServerState withBan(UserId user, boolean banned) {
    var next = edit();
    if (banned) {
      next.bans.add(user);
    } else {
      next.bans.remove(user);
    }
    return next.done();
  }

  ServerState withInvite(String code, Invite invite) {
    var next = edit();
    next.invites.put(code, invite);
    return next.done();
  }

  ServerState withInviteUsed(String code) {
    var invite = invites.get(code);
    if (invite == null) {
      return this;
    }
    return withInvite(code, new Invite(invite.expiresAt(), invite.maxUses(), invite.uses() + 1));
  }

  private Edit edit() {
    return new Edit(this);
  }

  /** A mutable copy, so each change names only what it changes. */
  private static final class Edit {
    private boolean exists;
    private @Nullable UserId ownerId;
    private final Set<UserId> members;
    private final List<ChannelId> channels;
    private final Set<UserId> bans;
    private final Map<String, Invite> invites;
    private @Nullable AccessModel access;
    private final Map<UUID, String> roleNames;
    private @Nullable String name;
    private @Nullable String description;
    private boolean deleted;
    private @Nullable Message message;

    private Edit(ServerState state) {
      exists = state.exists;
      ownerId = state.ownerId;
      members = new HashSet<>(state.members);
      channels = new ArrayList<>(state.channels);
      bans = new HashSet<>(state.bans);
      invites = new HashMap<>(state.invites);
      access = state.access;
      roleNames = new HashMap<>(state.roleNames);
      name = state.name;
      description = state.description;
      deleted = state.deleted;
      message = state.message;
    }

    private ServerState done() {
      return new ServerState(
          exists,
          ownerId,
          members,
          channels,
          bans,
          invites,
          access,
          roleNames,
          name,
          description,
          deleted,
          message);
    }
  }
}
