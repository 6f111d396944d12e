package io.ohkay.projector.channel;

import io.ohkay.projector.projection.Projection;
import io.ohkay.projector.projection.SqlNull;
import io.ohkay.projector.projection.Statement;
import io.ohkay.projector.projection.Write;
import io.ohkay.schemas.event.ChannelCreated;
import io.ohkay.schemas.event.ChannelDeleted;
import io.ohkay.schemas.event.ChannelMoved;
import io.ohkay.schemas.event.ChannelOverwriteRemoved;
import io.ohkay.schemas.event.ChannelOverwriteSet;
import io.ohkay.schemas.event.ChannelRead;
import io.ohkay.schemas.event.ChannelRenamed;
import io.ohkay.schemas.event.DmEvent;
import io.ohkay.schemas.event.Event;
import io.ohkay.schemas.event.InviteAccepted;
import io.ohkay.schemas.event.InviteCreated;
import io.ohkay.schemas.event.InviteSent;
import io.ohkay.schemas.event.MemberBanned;
import io.ohkay.schemas.event.MemberJoined;
import io.ohkay.schemas.event.MemberKicked;
import io.ohkay.schemas.event.MemberLeft;
import io.ohkay.schemas.event.MemberRoleAdded;
import io.ohkay.schemas.event.MemberRoleRemoved;
import io.ohkay.schemas.event.MemberUnbanned;
import io.ohkay.schemas.event.MembersMentioned;
import io.ohkay.schemas.event.MessageDeleted;
import io.ohkay.schemas.event.MessageEdited;
import io.ohkay.schemas.event.MessagePosted;
import io.ohkay.schemas.event.RoleCreated;
import io.ohkay.schemas.event.RoleDeleted;
import io.ohkay.schemas.event.RoleUpdated;
import io.ohkay.schemas.event.ServerCreated;
import io.ohkay.schemas.event.ServerDeleted;
import io.ohkay.schemas.event.ServerUpdated;
import io.ohkay.schemas.event.UserEvent;
import io.ohkay.schemas.id.UserId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Writes {@code channels} of a server's own database, and the system messages of joins and leaves,
 * which go to the first channel (lowest position, then oldest, then id) as it is at their event, or
 * nowhere when the server has no channel.
 *
 * <p>Creating, moving and deleting channels and posting system messages are one statement, whose
 * rows run in event order within a batch, so a system message sees the channels of its moment. It
 * runs late (order 85), after every other write pointing at a channel: the foreign keys to {@code
 * channels} are deferred to commit, and deleting a channel cascades to its messages (including
 * those posted earlier in the batch), overwrites and read states.
 */
public final class ChannelsProjection implements Projection {

  /** Parameters: op, channel, name, position, when, message id, author, system type, seq. */
  static final Statement TIMELINE =
      Statement.of(
          "channels timeline",
          85,
          "WITH fact (op, channel_id, name, position, at, message_id, author_id, system_type, seq)"
              + " AS (VALUES (?::text, ?::uuid, ?::text, ?::int, ?::timestamptz, ?::uuid, ?::uuid,"
              + " ?::text, ?::bigint)),"
              + " created AS (INSERT INTO channels (id, name, position, created_at)"
              + " SELECT channel_id, name, position, at FROM fact WHERE op = 'CREATE'),"
              + " moved AS (UPDATE channels c SET position = f.position FROM fact f"
              + " WHERE f.op = 'MOVE' AND c.id = f.channel_id),"
              + " deleted AS (DELETE FROM channels c USING fact f"
              + " WHERE f.op = 'DELETE' AND c.id = f.channel_id)"
              + " INSERT INTO messages"
              + " (id, channel_id, author_id, content, created_at, seq, kind, system_type)"
              + " SELECT f.message_id, first.id, f.author_id, NULL, f.at, f.seq, 'SYSTEM',"
              + " f.system_type FROM fact f CROSS JOIN LATERAL (SELECT id FROM channels"
              + " ORDER BY position, created_at, id LIMIT 1) first WHERE f.op = 'SYSTEM'");

  /** After the timeline: a channel created in the batch exists, a deleted one is gone. */
  static final Statement RENAME_CHANNEL =
      Statement.of("channels rename", 86, "UPDATE channels SET name = ? WHERE id = ?");

  @Override
  public List<Write> project(Event event) {
    return switch (event.payload()) {
      case ChannelCreated created ->
          List.of(
              channel(
                  "CREATE",
                  created.channelId().value(),
                  created.name(),
                  created.position(),
                  event));
      case ChannelRenamed renamed ->
          List.of(RENAME_CHANNEL.with(renamed.name(), renamed.channelId().value()));
      case ChannelMoved moved ->
          List.of(channel("MOVE", moved.channelId().value(), null, moved.position(), event));
      case ChannelDeleted deleted ->
          List.of(channel("DELETE", deleted.channelId().value(), null, null, event));
      case MemberJoined joined -> List.of(system(event, joined.userId(), "JOINED"));
      case MemberLeft left -> List.of(system(event, left.userId(), systemType(left.reason())));
      case ServerCreated ignored -> List.of();
      case MessagePosted ignored -> List.of();
      case InviteCreated ignored -> List.of();
      case InviteAccepted ignored -> List.of();
      case MemberBanned ignored -> List.of();
      case MemberUnbanned ignored -> List.of();
      case RoleCreated ignored -> List.of();
      case RoleUpdated ignored -> List.of();
      case RoleDeleted ignored -> List.of();
      case MemberRoleAdded ignored -> List.of();
      case MemberRoleRemoved ignored -> List.of();
      case ChannelOverwriteSet ignored -> List.of();
      case ChannelOverwriteRemoved ignored -> List.of();
      case ServerUpdated ignored -> List.of();
      case ServerDeleted ignored -> List.of();
      case MessageEdited ignored -> List.of();
      case MessageDeleted ignored -> List.of();
      case MembersMentioned ignored -> List.of();
      case MemberKicked ignored -> List.of();
      case ChannelRead ignored -> List.of();
      case InviteSent ignored -> List.of();
      case UserEvent ignored -> List.of();
      case DmEvent ignored -> List.of();
    };
  }

  /** The system message's type: an account's deletion reads as leaving. */
  static String systemType(MemberLeft.Reason reason) {
    return switch (reason) {
      case LEFT, ACCOUNT_DELETED -> "LEFT";
      case KICKED -> "KICKED";
      case BANNED -> "BANNED";
    };
  }

  private static Write channel(
      String op, UUID channel, @Nullable String name, @Nullable Integer position, Event event) {
    return TIMELINE.with(
        op,
        channel,
        SqlNull.text(name),
        SqlNull.integer(position),
        event.occurredAt().atOffset(ZoneOffset.UTC),
        SqlNull.UUID,
        SqlNull.UUID,
        SqlNull.TEXT,
        event.seq());
  }

  /** A system message: its id is its event's, its seq the event's seq. */
  private static Write system(Event event, UserId member, String systemType) {
    return TIMELINE.with(
        "SYSTEM",
        SqlNull.UUID,
        SqlNull.TEXT,
        SqlNull.INTEGER,
        event.occurredAt().atOffset(ZoneOffset.UTC),
        event.eventId(),
        member.value(),
        systemType,
        event.seq());
  }
}
