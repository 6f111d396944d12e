package io.ohkay.command.server;

import io.ohkay.schemas.id.ChannelId;
import io.ohkay.schemas.id.UserId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What the server aggregate must know to decide: existence, owner, members, bans, invites and
 * channels (in display order: a channel's index is its position).
 */
record ServerState(
    boolean exists,
    @Nullable UserId ownerId,
    Set<UserId> members,
    List<ChannelId> channels,
    Set<UserId> bans,
    Map<String, Invite> invites) {

  static final ServerState NONE =
      new ServerState(false, null, Set.of(), List.of(), Set.of(), Map.of());

  ServerState {
    members = Set.copyOf(members);
    channels = List.copyOf(channels);
    bans = bans == null ? Set.of() : Set.copyOf(bans);
    invites = invites == null ? Map.of() : Map.copyOf(invites);
  }

  /** An invite code: until when, how many joins, how many used. */
  record Invite(@Nullable Instant expiresAt, @Nullable Integer maxUses, int uses) {

    boolean usableAt(Instant at) {
      return (expiresAt == null || at.isBefore(expiresAt)) && (maxUses == null || uses < maxUses);
    }
  }

  boolean isMember(@Nullable UserId user) {
    return exists && user != null && members.contains(user);
  }

  boolean isOwner(@Nullable UserId user) {
    return exists && user != null && user.equals(ownerId);
  }

  ServerState created(UserId owner) {
    return new ServerState(true, owner, members, channels, bans, invites);
  }

  ServerState withMember(UserId user) {
    var next = new HashSet<>(members);
    next.add(user);
    return new ServerState(exists, ownerId, next, channels, bans, invites);
  }

  ServerState withoutMember(UserId user) {
    var next = new HashSet<>(members);
    next.remove(user);
    return new ServerState(exists, ownerId, next, channels, bans, invites);
  }

  /** With {@code channel} at {@code position} (clamped), the others keeping their order. */
  ServerState withChannelAt(ChannelId channel, int position) {
    var next = new ArrayList<>(channels);
    next.remove(channel);
    next.add(Math.max(0, Math.min(position, next.size())), channel);
    return new ServerState(exists, ownerId, members, next, bans, invites);
  }

  ServerState withoutChannel(ChannelId channel) {
    var next = new ArrayList<>(channels);
    next.remove(channel);
    return new ServerState(exists, ownerId, members, next, bans, invites);
  }

  ServerState withBan(UserId user, boolean banned) {
    var next = new HashSet<>(bans);
    if (banned) {
      next.add(user);
    } else {
      next.remove(user);
    }
    return new ServerState(exists, ownerId, members, channels, next, invites);
  }

  ServerState withInvite(String code, Invite invite) {
    var next = new HashMap<>(invites);
    next.put(code, invite);
    return new ServerState(exists, ownerId, members, channels, bans, next);
  }

  ServerState withInviteUsed(String code) {
    var invite = invites.get(code);
    if (invite == null) {
      return this;
    }
    return withInvite(code, new Invite(invite.expiresAt(), invite.maxUses(), invite.uses() + 1));
  }
}
