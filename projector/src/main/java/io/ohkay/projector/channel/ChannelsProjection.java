package io.ohkay.projector.channel;

import io.ohkay.projector.projection.Projection;
import io.ohkay.projector.projection.Statement;
import io.ohkay.projector.projection.Write;
import io.ohkay.schemas.event.ChannelCreated;
import io.ohkay.schemas.event.ChannelDeleted;
import io.ohkay.schemas.event.ChannelMoved;
import io.ohkay.schemas.event.ChannelRenamed;
import io.ohkay.schemas.event.Event;
import io.ohkay.schemas.event.InviteAccepted;
import io.ohkay.schemas.event.InviteCreated;
import io.ohkay.schemas.event.MemberBanned;
import io.ohkay.schemas.event.MemberJoined;
import io.ohkay.schemas.event.MemberLeft;
import io.ohkay.schemas.event.MemberUnbanned;
import io.ohkay.schemas.event.MessagePosted;
import io.ohkay.schemas.event.ServerCreated;
import io.ohkay.schemas.event.UserEvent;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Writes {@code channels} of a server's own database, and removes a deleted channel's messages with
 * it. In one batch the channel's insert runs first, its renames and moves next, and the deletes
 * last: after every message insert (order 20), so no message of a deleted channel survives and the
 * {@code messages.channel_id} foreign key always holds.
 */
public final class ChannelsProjection implements Projection {

  static final Statement INSERT_CHANNEL =
      Statement.of(
          "channels",
          10,
          "INSERT INTO channels (id, name, position, created_at) VALUES (?, ?, ?, ?)");

  static final Statement RENAME_CHANNEL =
      Statement.of("channels", 12, "UPDATE channels SET name = ? WHERE id = ?");

  static final Statement MOVE_CHANNEL =
      Statement.of("channels", 14, "UPDATE channels SET position = ? WHERE id = ?");

  /** After every statement that writes messages, so a message posted in the batch goes too. */
  static final Statement DELETE_CHANNEL_MESSAGES =
      Statement.of("messages", 80, "DELETE FROM messages WHERE channel_id = ?");

  /** Last: nothing references the channel any more. */
  static final Statement DELETE_CHANNEL =
      Statement.of("channels", 90, "DELETE FROM channels WHERE id = ?");

  @Override
  public List<Write> project(Event event) {
    return switch (event.payload()) {
      case ChannelCreated created ->
          List.of(
              INSERT_CHANNEL.with(
                  created.channelId().value(),
                  created.name(),
                  created.position(),
                  event.occurredAt().atOffset(ZoneOffset.UTC)));
      case ChannelRenamed renamed ->
          List.of(RENAME_CHANNEL.with(renamed.name(), renamed.channelId().value()));
      case ChannelMoved moved ->
          List.of(MOVE_CHANNEL.with(moved.position(), moved.channelId().value()));
      case ChannelDeleted deleted ->
          List.of(
              DELETE_CHANNEL_MESSAGES.with(deleted.channelId().value()),
              DELETE_CHANNEL.with(deleted.channelId().value()));
      case ServerCreated ignored -> List.of();
      case MemberJoined ignored -> List.of();
      case MessagePosted ignored -> List.of();
      case InviteCreated ignored -> List.of();
      case InviteAccepted ignored -> List.of();
      case MemberLeft ignored -> List.of();
      case MemberBanned ignored -> List.of();
      case MemberUnbanned ignored -> List.of();
      case UserEvent ignored -> List.of();
    };
  }
}
