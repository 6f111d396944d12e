package io.ohkay.projector.dm;

import io.ohkay.projector.projection.Projection;
import io.ohkay.projector.projection.Statement;
import io.ohkay.projector.projection.Write;
import io.ohkay.schemas.event.ConversationOpened;
import io.ohkay.schemas.event.ConversationRead;
import io.ohkay.schemas.event.DirectMessageDeleted;
import io.ohkay.schemas.event.DirectMessageSent;
import io.ohkay.schemas.event.Event;
import io.ohkay.schemas.event.ServerEvent;
import io.ohkay.schemas.event.UserBlocked;
import io.ohkay.schemas.event.UserEvent;
import io.ohkay.schemas.event.UserUnblocked;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Writes {@code dm_conversations} of the DM database: a conversation once opened, its pair ordered
 * as PostgreSQL orders uuids, and its last activity, moved forward by each message sent.
 */
public final class DmConversationsProjection implements Projection {

  static final Statement OPEN =
      Statement.of(
          "dm_conversations",
          10,
          "INSERT INTO dm_conversations"
              + " (id, user_low, user_high, initiator_id, created_at, last_activity_at)"
              + " SELECT id, least(initiator, recipient), greatest(initiator, recipient),"
              + " initiator, at, at"
              + " FROM (VALUES (?::uuid, ?::uuid, ?::uuid, ?::timestamptz))"
              + " AS opened (id, initiator, recipient, at)");

  /** After the messages; rows of one conversation in a batch are one, the latest. */
  static final Statement ACTIVITY =
      new Statement(
          "dm_conversations activity",
          25,
          "UPDATE dm_conversations SET last_activity_at = greatest(last_activity_at, sent.at)"
              + " FROM (VALUES (?::uuid, ?::timestamptz)) AS sent (id, at)"
              + " WHERE dm_conversations.id = sent.id",
          Statement.Merge.LATEST_LAST);

  @Override
  public List<Write> project(Event event) {
    var at = event.occurredAt().atOffset(ZoneOffset.UTC);
    return switch (event.payload()) {
      case ConversationOpened opened ->
          List.of(
              OPEN.with(
                  opened.conversationId().value(),
                  opened.initiatorId().value(),
                  opened.recipientId().value(),
                  at));
      case DirectMessageSent sent -> List.of(ACTIVITY.with(sent.conversationId().value(), at));
      case DirectMessageDeleted ignored -> List.of();
      case ConversationRead ignored -> List.of();
      case UserBlocked ignored -> List.of();
      case UserUnblocked ignored -> List.of();
      case ServerEvent ignored -> List.of();
      case UserEvent ignored -> List.of();
    };
  }
}
