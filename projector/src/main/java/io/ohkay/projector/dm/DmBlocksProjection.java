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
 * Writes {@code dm_blocks} of the DM database: a row per block in force, since its latest start.
 * Blocking and unblocking are one statement (insert or delete as the row says), so a batch that
 * blocks, unblocks and blocks again keeps the event order: only the last change of each pair is
 * sent.
 */
public final class DmBlocksProjection implements Projection {

  /** Parameters: blocker, blocked, whether the block starts, when. */
  static final Statement CHANGE =
      new Statement(
          "dm_blocks",
          50,
          "WITH change (blocker_id, blocked_id, blocking, at) AS"
              + " (VALUES (?::uuid, ?::uuid, ?::boolean, ?::timestamptz)),"
              + " lifted AS (DELETE FROM dm_blocks b USING change c WHERE NOT c.blocking"
              + " AND b.blocker_id = c.blocker_id AND b.blocked_id = c.blocked_id)"
              + " INSERT INTO dm_blocks (blocker_id, blocked_id, created_at)"
              + " SELECT blocker_id, blocked_id, at FROM change WHERE blocking"
              + " ON CONFLICT (blocker_id, blocked_id) DO UPDATE SET created_at = EXCLUDED.created_at",
          Statement.Merge.LAST_PER_PAIR);

  @Override
  public List<Write> project(Event event) {
    var at = event.occurredAt().atOffset(ZoneOffset.UTC);
    return switch (event.payload()) {
      case UserBlocked blocked ->
          List.of(CHANGE.with(blocked.blockerId().value(), blocked.blockedId().value(), true, at));
      case UserUnblocked unblocked ->
          List.of(
              CHANGE.with(unblocked.blockerId().value(), unblocked.blockedId().value(), false, at));
      case ConversationOpened ignored -> List.of();
      case DirectMessageSent ignored -> List.of();
      case DirectMessageDeleted ignored -> List.of();
      case ConversationRead ignored -> List.of();
      case ServerEvent ignored -> List.of();
      case UserEvent ignored -> List.of();
    };
  }
}
