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
import io.ohkay.schemas.event.ConversationOpened;
import io.ohkay.schemas.event.ConversationRead;
import io.ohkay.schemas.event.DirectMessageDeleted;
import io.ohkay.schemas.event.DirectMessageSent;
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
import io.ohkay.schemas.event.UserBlocked;
import io.ohkay.schemas.event.UserEvent;
import io.ohkay.schemas.event.UserUnblocked;
import io.ohkay.schemas.id.Ids;
import io.ohkay.schemas.id.UserId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Writes {@code notifications} of the auth database: from the server events one MENTION per member
 * a message mentions and one INVITE per invite sent to a user; from the DM events one DM per
 * message sent to an offline recipient. Each id is derived from the event and the notified user, so
 * a replay writes the same row. A deleted channel or server takes its notifications with it, so
 * none points at a message or invite that no longer exists.
 */
public final class NotificationsProjection implements Projection {

  /** Every kind: one statement keeps the rows of a batch in event order. */
  static final Statement INSERT_NOTIFICATION =
      Statement.of(
          "notifications",
          10,
          "INSERT INTO notifications (id, user_id, kind, server_id, channel_id, message_id,"
              + " conversation_id, invite_code, actor_id, created_at)"
              + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");

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
      case InviteSent sent -> List.of(invite(event, sent));
      case DirectMessageSent sent ->
          sent.recipientOffline() ? List.of(directMessage(event, sent)) : List.of();
      case ConversationOpened ignored -> List.of();
      case DirectMessageDeleted ignored -> List.of();
      case ConversationRead ignored -> List.of();
      case UserBlocked ignored -> List.of();
      case UserUnblocked ignored -> List.of();
      case UserEvent ignored -> List.of();
    };
  }

  private static Write mention(Event event, MembersMentioned mentioned, UserId user) {
    return notification(
        event,
        user,
        "MENTION",
        mentioned.serverId().value(),
        mentioned.channelId().value(),
        mentioned.messageId().value(),
        null,
        null,
        event.actorId() != null ? event.actorId().value() : null);
  }

  private static Write invite(Event event, InviteSent sent) {
    return notification(
        event,
        sent.inviteeId(),
        "INVITE",
        sent.serverId().value(),
        null,
        null,
        null,
        sent.code(),
        sent.inviterId().value());
  }

  private static Write directMessage(Event event, DirectMessageSent sent) {
    return notification(
        event,
        sent.recipientId(),
        "DM",
        null,
        null,
        sent.messageId().value(),
        sent.conversationId().value(),
        null,
        sent.authorId().value());
  }

  private static Write notification(
      Event event,
      UserId user,
      String kind,
      @Nullable UUID server,
      @Nullable UUID channel,
      @Nullable UUID message,
      @Nullable UUID conversation,
      @Nullable String inviteCode,
      @Nullable UUID actor) {
    return INSERT_NOTIFICATION.with(
        Ids.notificationId(event.eventId(), user),
        user.value(),
        kind,
        SqlNull.uuid(server),
        SqlNull.uuid(channel),
        SqlNull.uuid(message),
        SqlNull.uuid(conversation),
        SqlNull.text(inviteCode),
        SqlNull.uuid(actor),
        event.occurredAt().atOffset(ZoneOffset.UTC));
  }
}
