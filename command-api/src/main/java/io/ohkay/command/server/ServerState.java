package io.ohkay.command.server;

import io.ohkay.schemas.id.ChannelId;
import io.ohkay.schemas.id.UserId;
import java.util.HashSet;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** What the server aggregate must know to decide: existence, owner, members, channels. */
record ServerState(
    boolean exists, @Nullable UserId ownerId, Set<UserId> members, Set<ChannelId> channels) {

  static final ServerState NONE = new ServerState(false, null, Set.of(), Set.of());

  ServerState {
    members = Set.copyOf(members);
    channels = Set.copyOf(channels);
  }

  boolean isMember(@Nullable UserId user) {
    return exists && user != null && members.contains(user);
  }

  ServerState created(UserId owner) {
    return new ServerState(true, owner, members, channels);
  }

  ServerState withMember(UserId user) {
    var next = new HashSet<>(members);
    next.add(user);
    return new ServerState(exists, ownerId, next, channels);
  }

  ServerState withChannel(ChannelId channel) {
    var next = new HashSet<>(channels);
    next.add(channel);
    return new ServerState(exists, ownerId, members, next);
  }
}
