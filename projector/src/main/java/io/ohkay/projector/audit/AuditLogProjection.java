package io.ohkay.projector.audit;

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
import io.ohkay.schemas.event.EventPayload;
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
import io.ohkay.schemas.json.Json;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes {@code audit_log} of a server's own database: a row per moderation event, its id and seq
 * the event's, its actor the envelope's, its target the member, role, channel or server acted on,
 * and its details the payload's other fields. A message deletion is logged only when the actor is
 * not the author, whom the statement looks up (after the message inserts of the batch).
 */
public final class AuditLogProjection implements Projection {

  static final Statement INSERT_ENTRY =
      Statement.of(
          "audit_log",
          70,
          "INSERT INTO audit_log"
              + " (id, seq, action, actor_id, target_id, reason, details, occurred_at)"
              + " VALUES (?, ?, ?, ?, ?, ?, ?::jsonb, ?)");

  /** Parameters: event id, seq, actor, details, when, message, actor again. */
  static final Statement INSERT_MESSAGE_DELETE =
      Statement.of(
          "audit_log message delete",
          72,
          "INSERT INTO audit_log"
              + " (id, seq, action, actor_id, target_id, reason, details, occurred_at)"
              + " SELECT ?::uuid, ?::bigint, 'MESSAGE_DELETE', ?::uuid, m.id, NULL,"
              + " ?::jsonb || jsonb_build_object('authorId', m.author_id), ?::timestamptz"
              + " FROM messages m WHERE m.id = ?::uuid AND m.author_id IS DISTINCT FROM ?::uuid");

  @Override
  public List<Write> project(Event event) {
    return switch (event.payload()) {
      case MemberKicked kicked ->
          entry(event, "MEMBER_KICK", kicked.userId().value(), kicked.reason(), "userId");
      case MemberBanned banned ->
          entry(event, "MEMBER_BAN", banned.userId().value(), banned.reason(), "userId");
      case MemberUnbanned unbanned ->
          entry(event, "MEMBER_UNBAN", unbanned.userId().value(), null, "userId");
      case RoleCreated created ->
          entry(event, "ROLE_CREATE", created.roleId().value(), null, "roleId");
      case RoleUpdated updated ->
          entry(event, "ROLE_UPDATE", updated.roleId().value(), null, "roleId");
      case RoleDeleted deleted ->
          entry(event, "ROLE_DELETE", deleted.roleId().value(), null, "roleId");
      case MemberRoleAdded added ->
          entry(event, "MEMBER_ROLE_ADD", added.userId().value(), null, "userId");
      case MemberRoleRemoved removed ->
          entry(event, "MEMBER_ROLE_REMOVE", removed.userId().value(), null, "userId");
      case ChannelCreated created ->
          entry(event, "CHANNEL_CREATE", created.channelId().value(), null, "channelId");
      case ChannelRenamed renamed ->
          entry(event, "CHANNEL_UPDATE", renamed.channelId().value(), null, "channelId");
      case ChannelDeleted deleted ->
          entry(event, "CHANNEL_DELETE", deleted.channelId().value(), null, "channelId");
      case ChannelOverwriteSet set ->
          entry(event, "CHANNEL_OVERWRITE_SET", set.channelId().value(), null, "channelId");
      case ChannelOverwriteRemoved removed ->
          entry(event, "CHANNEL_OVERWRITE_REMOVE", removed.channelId().value(), null, "channelId");
      case ServerUpdated updated ->
          entry(event, "SERVER_UPDATE", updated.serverId().value(), null, "serverId");
      case InviteCreated invite -> entry(event, "INVITE_CREATE", null, null, "serverId");
      case MessageDeleted deleted -> List.of(messageDelete(event, deleted));
      case ServerCreated ignored -> List.of();
      case MemberJoined ignored -> List.of();
      case MessagePosted ignored -> List.of();
      case InviteAccepted ignored -> List.of();
      case MemberLeft ignored -> List.of();
      case ChannelMoved ignored -> List.of();
      case ServerDeleted ignored -> List.of();
      case MessageEdited ignored -> List.of();
      case MembersMentioned ignored -> List.of();
      case ChannelRead ignored -> List.of();
      case InviteSent ignored -> List.of();
      case UserEvent ignored -> List.of();
      case DmEvent ignored -> List.of();
    };
  }

  /** One entry; {@code targetField} is left out of the details, with the server and the reason. */
  private static List<Write> entry(
      Event event,
      String action,
      @Nullable UUID target,
      @Nullable String reason,
      String targetField) {
    return List.of(
        INSERT_ENTRY.with(
            event.eventId(),
            event.seq(),
            action,
            actor(event),
            SqlNull.uuid(target),
            SqlNull.text(reason),
            details(event.payload(), targetField),
            event.occurredAt().atOffset(ZoneOffset.UTC)));
  }

  private static Write messageDelete(Event event, MessageDeleted deleted) {
    return INSERT_MESSAGE_DELETE.with(
        event.eventId(),
        event.seq(),
        actor(event),
        details(deleted, "messageId"),
        event.occurredAt().atOffset(ZoneOffset.UTC),
        deleted.messageId().value(),
        actor(event));
  }

  private static Object actor(Event event) {
    return SqlNull.uuid(event.actorId() != null ? event.actorId().value() : null);
  }

  /** The payload as JSON without the server, the target and the reason (own columns). */
  static String details(EventPayload payload, String targetField) {
    ObjectNode details = Json.mapper().valueToTree(payload);
    details.remove(List.of("serverId", targetField, "reason"));
    return details.toString();
  }
}
