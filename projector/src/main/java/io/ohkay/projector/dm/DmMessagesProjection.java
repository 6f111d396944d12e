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
 * Writes {@code dm_messages} of the DM database; a message's {@code seq} is its event's seq, the
 * conversation's gap-free position. A deletion is soft: the row keeps its place, its content
 * becomes null.
 */
public final class DmMessagesProjection implements Projection {

  /** After the conversations, which the messages reference. */
  static final Statement SEND =
      Statement.of(
          "dm_messages",
          20,
          "INSERT INTO dm_messages (id, conversation_id, author_id, content, created_at, seq)"
              + " VALUES (?, ?, ?, ?, ?, ?)");

  /** After the inserts: a message is sent before it is deleted. */
  static final Statement DELETE =
      Statement.of(
          "dm_messages delete",
          30,
          "UPDATE dm_messages SET content = NULL, deleted_at = ?"
              + " WHERE id = ? AND conversation_id = ?");

  @Override
  public List<Write> project(Event event) {
    var at = event.occurredAt().atOffset(ZoneOffset.UTC);
    return switch (event.payload()) {
      case DirectMessageSent sent ->
          List.of(
              SEND.with(
                  sent.messageId().value(),
                  sent.conversationId().value(),
                  sent.authorId().value(),
                  sent.content(),
                  at,
                  event.seq()));
      case DirectMessageDeleted deleted ->
          List.of(DELETE.with(at, deleted.messageId().value(), deleted.conversationId().value()));
      case ConversationOpened ignored -> List.of();
      case ConversationRead ignored -> List.of();
      case UserBlocked ignored -> List.of();
      case UserUnblocked ignored -> List.of();
      case ServerEvent ignored -> List.of();
      case UserEvent ignored -> List.of();
    };
  }
}
