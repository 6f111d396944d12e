package io.ohkay.command.server;

import io.ohkay.command.decider.Decision;
import io.ohkay.schemas.command.CreateChannel;
import io.ohkay.schemas.command.DeleteChannel;
import io.ohkay.schemas.command.MoveChannel;
import io.ohkay.schemas.command.RenameChannel;
import io.ohkay.schemas.error.ErrorCode;
import io.ohkay.schemas.event.ChannelCreated;
import io.ohkay.schemas.event.ChannelDeleted;
import io.ohkay.schemas.event.ChannelMoved;
import io.ohkay.schemas.event.ChannelRenamed;
import io.ohkay.schemas.event.EventPayload;
import io.ohkay.schemas.id.ChannelId;
import io.ohkay.schemas.id.ServerId;
import io.ohkay.schemas.id.UserId;
import io.ohkay.schemas.permission.Permission;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Channel decisions: create (at the end), rename, move, delete. Positions stay 0..n-1: a move or a
 * deletion emits a {@code channel.moved} for every channel whose position changed. Creating needs
 * MANAGE_CHANNELS server-wide; the others MANAGE_CHANNELS in the channel, which must be visible.
 */
final class ChannelRules {

  private ChannelRules() {}

  static Decision create(CreateChannel command, UserId actor, ServerState state) {
    var refusal = manage(actor, state);
    if (refusal != null) {
      return refusal;
    }
    if (state.channels().contains(command.channelId())) {
      return Decision.reject(ErrorCode.VALIDATION_FAILED, "This channel id is taken.");
    }
    return Decision.accept(
        new ChannelCreated(
            command.serverId(), command.channelId(), command.name(), state.channels().size()));
  }

  static Decision rename(RenameChannel command, UserId actor, ServerState state) {
    var refusal = manage(actor, command.channelId(), state);
    return refusal != null
        ? refusal
        : Decision.accept(
            new ChannelRenamed(command.serverId(), command.channelId(), command.name()));
  }

  static Decision move(MoveChannel command, UserId actor, ServerState state) {
    var refusal = manage(actor, command.channelId(), state);
    if (refusal != null) {
      return refusal;
    }
    var order = new ArrayList<>(state.channels());
    order.remove(command.channelId());
    order.add(Math.max(0, Math.min(command.position(), order.size())), command.channelId());
    var moved = moves(command.serverId(), state.channels(), order);
    if (moved.isEmpty()) {
      moved.add(
          new ChannelMoved(
              command.serverId(), command.channelId(), order.indexOf(command.channelId())));
    }
    return new Decision.Accept(moved, List.of());
  }

  static Decision delete(DeleteChannel command, UserId actor, ServerState state) {
    var refusal = manage(actor, command.channelId(), state);
    if (refusal != null) {
      return refusal;
    }
    var order = new ArrayList<>(state.channels());
    order.remove(command.channelId());
    var events = new ArrayList<EventPayload>();
    events.add(new ChannelDeleted(command.serverId(), command.channelId()));
    events.addAll(moves(command.serverId(), state.channels(), order));
    return new Decision.Accept(events, List.of());
  }

  /** A {@code channel.moved} for each channel whose index differs between the two orders. */
  private static List<EventPayload> moves(
      ServerId server, List<ChannelId> before, List<ChannelId> after) {
    var moved = new ArrayList<EventPayload>();
    for (var i = 0; i < after.size(); i++) {
      if (before.indexOf(after.get(i)) != i) {
        moved.add(new ChannelMoved(server, after.get(i), i));
      }
    }
    return moved;
  }

  private static @Nullable Decision manage(UserId actor, ChannelId channel, ServerState state) {
    return Guards.holdsIn(actor, channel, Permission.MANAGE_CHANNELS, state);
  }

  private static @Nullable Decision manage(UserId actor, ServerState state) {
    return Guards.holds(actor, Permission.MANAGE_CHANNELS, state);
  }
}
