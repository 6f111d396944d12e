package io.ohkay.projector.notification;

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
import io.ohkay.schemas.event.Event;
import io.ohkay.schemas.event.EventPayload;
import io.ohkay.schemas.event.InviteAccepted;
import io.ohkay.schemas.event.InviteCreated;
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
import io.ohkay.schemas.id.Ids;
import io.ohkay.schemas.id.UserId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/**
 * Writes {@code notifications} of the auth database from the server events: one MENTION per member
 * a message mentions, its id derived from the event and the member so a replay writes the same row.
 * A deleted channel or server takes its notifications with it, so none points at a message that no
 * longer exists.
 */
public final class NotificationsProjection implements Projection {

  static final Statement INSERT_NOTIFICATION =
      Statement.of(
          "notifications",
          10,
          "INSERT INTO notifications"
              + " (id, user_id, kind, server_id, channel_id, message_id, actor_id, created_at)"
              + " VALUES (?, ?, 'MENTION', ?, ?, ?, ?, ?)");

  /** After the batch's inserts: a deleted channel takes its messages, and their mentions. */
  static final Statement DELETE_CHANNEL_NOTIFICATIONS =
      Statement.of("notifications", 20, "DELETE FROM notifications WHERE channel_id = ?");

  static final Statement DELETE_SERVER_NOTIFICATIONS =
      Statement.of("notifications", 30, "DELETE FROM notifications WHERE server_id = ?");

  @Override
  public List<Write> project(Event event) {
    return switch (event.payload()) {
      case MembersMentioned mentioned ->
          mentioned.userIds().stream().map(user -> mention(event, mentioned, user)).toList();
      case ServerCreated ignored -> List.of();
      case ChannelCreated ignored -> List.of();
      case MemberJoined ignored -> List.of();
      case MessagePosted ignored -> List.of();
      case InviteCreated ignored -> List.of();
      case InviteAccepted ignored -> List.of();
      case MemberLeft ignored -> List.of();
      case MemberBanned ignored -> List.of();
      case MemberUnbanned ignored -> List.of();
      case ChannelRenamed ignored -> List.of();
      case ChannelMoved ignored -> List.of();
      case ChannelDeleted deleted ->
          List.of(DELETE_CHANNEL_NOTIFICATIONS.with(deleted.channelId().value()));
      case RoleCreated ignored -> List.of();
      case RoleUpdated ignored -> List.of();
      case RoleDeleted ignored -> List.of();
      case MemberRoleAdded ignored -> List.of();
      case MemberRoleRemoved ignored -> List.of();
      case ChannelOverwriteSet ignored -> List.of();
      case ChannelOverwriteRemoved ignored -> List.of();
      case ServerUpdated ignored -> List.of();
      case ServerDeleted deleted ->
          List.of(DELETE_SERVER_NOTIFICATIONS.with(deleted.serverId().value()));
      case MessageEdited ignored -> List.of();
      case MessageDeleted ignored -> List.of();
      case MemberKicked ignored -> List.of();
      case ChannelRead ignored -> List.of();
      case UserEvent ignored -> List.of();
    };
  }

  /** Whether {@code payload} writes notifications: a mention, or a deletion that takes some. */
  public static boolean concerns(EventPayload payload) {
    return payload instanceof MembersMentioned
        || payload instanceof ChannelDeleted
        || payload instanceof ServerDeleted;
  }

  /**
   * The id of the notification of {@code user} for the event {@code eventId}: the one the edge
   * names it by, {@link Ids#notificationId}.
   */
  public static UUID notificationId(UUID eventId, UserId user) {
    return Ids.notificationId(eventId, user);
  }

  private static Write mention(Event event, MembersMentioned mentioned, UserId user) {
    return INSERT_NOTIFICATION.with(
        notificationId(event.eventId(), user),
        user.value(),
        mentioned.serverId().value(),
        mentioned.channelId().value(),
        mentioned.messageId().value(),
        SqlNull.uuid(event.actorId() != null ? event.actorId().value() : null),
        event.occurredAt().atOffset(ZoneOffset.UTC));
  }
}
