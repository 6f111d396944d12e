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
 * Writes {@code dm_read_status} of the DM database: up to which seq each participant has read the
 * conversation (the read event's own seq: every message below it is read). A read never moves back.
 * A read of a conversation never opened (its pair known from a block only) has no row to refer to
 * and nothing to mark read: it writes nothing.
 */
public final class DmReadStatusProjection implements Projection {

  /** One row per conversation and reader in a batch, the last read: a multi-row upsert. */
  static final Statement READ =
      new Statement(
          "dm_read_status",
          40,
          "INSERT INTO dm_read_status (conversation_id, user_id, last_read_seq, read_at)"
              + " SELECT c.id, r.user_id, r.seq, r.at"
              + " FROM (VALUES (?::uuid, ?::uuid, ?::bigint, ?::timestamptz))"
              + " AS r (conversation_id, user_id, seq, at)"
              + " JOIN dm_conversations c ON c.id = r.conversation_id"
              + " ON CONFLICT (conversation_id, user_id) DO UPDATE"
              + " SET last_read_seq = EXCLUDED.last_read_seq, read_at = EXCLUDED.read_at"
              + " WHERE dm_read_status.last_read_seq < EXCLUDED.last_read_seq",
          Statement.Merge.LAST_PER_PAIR);

  @Override
  public List<Write> project(Event event) {
    return switch (event.payload()) {
      case ConversationRead read ->
          List.of(
              READ.with(
                  read.conversationId().value(),
                  read.userId().value(),
                  event.seq(),
                  event.occurredAt().atOffset(ZoneOffset.UTC)));
      case ConversationOpened ignored -> List.of();
      case DirectMessageSent ignored -> List.of();
      case DirectMessageDeleted ignored -> List.of();
      case UserBlocked ignored -> List.of();
      case UserUnblocked ignored -> List.of();
      case ServerEvent ignored -> List.of();
      case UserEvent ignored -> List.of();
    };
  }
}
