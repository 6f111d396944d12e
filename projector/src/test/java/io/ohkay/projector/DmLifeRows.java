package io.ohkay.projector;

import static org.assertj.core.api.Assertions.assertThat;

import io.ohkay.schemas.event.DirectMessageSent;
import io.ohkay.schemas.id.ConversationId;
import io.ohkay.schemas.id.Ids;
import io.ohkay.schemas.id.UserId;

/** The rows {@link DmLife#create()} ends with, in the DM and auth databases. */
public final class DmLifeRows {

  private static final long AT = TestEvents.AT.getEpochSecond();

  private DmLifeRows() {}

  /**
   * Two conversations (Cy and Ann's was never opened), active at their last message; Ann and Ben's
   * five messages with "oops" soft-deleted; the reads; one unread message for each of Ann and Ben
   * with Ben, one for Ben with Cy, none for Cy; Ann's block of Ben and Cy's latest block of Ann.
   */
  public static void assertDms(ProjectorTestEnvironment environment, String database, DmLife life)
      throws Exception {
    assertThat(
            environment.queryRows(
                database,
                "id || ' ' || user_low || ' ' || user_high || ' ' || initiator_id || ' '"
                    + " || "
                    + epoch("created_at")
                    + " || ' ' || "
                    + epoch("last_activity_at"),
                "dm_conversations",
                "created_at"))
        .isEqualTo(
            conversation(life.annBen(), life.ann(), life.ben(), life.ann(), 1, 9)
                + ","
                + conversation(life.benCy(), life.cy(), life.ben(), life.cy(), 101, 104));
    assertThat(
            environment.queryRows(
                database,
                "seq || ' ' || author_id || ' ' || coalesce(content, 'null') || ' '"
                    + " || coalesce("
                    + epoch("deleted_at")
                    + "::text, '-') || ' '"
                    + " || "
                    + epoch("created_at"),
                "dm_messages WHERE conversation_id = '" + life.annBen() + "'",
                "seq"))
        .isEqualTo(
            String.join(
                ",",
                "2 " + life.ann() + " hi ben - " + (AT + 2),
                "3 " + life.ben() + " hi ann - " + (AT + 3),
                "5 " + life.ann() + " are you there - " + (AT + 5),
                "6 " + life.ann() + " null " + (AT + 7) + " " + (AT + 6),
                "9 " + life.ben() + " later - " + (AT + 9)));
    assertThat(environment.queryLong(database, "SELECT count(*) FROM dm_messages")).isEqualTo(7);
    assertThat(
            environment.queryRows(
                database,
                "conversation_id || ' ' || user_id || ' ' || last_read_seq || ' ' || "
                    + epoch("read_at"),
                "dm_read_status",
                "read_at"))
        .isEqualTo(
            String.join(
                ",",
                life.annBen() + " " + life.ben() + " 4 " + (AT + 4),
                life.annBen() + " " + life.ann() + " 8 " + (AT + 8),
                life.benCy() + " " + life.ben() + " 3 " + (AT + 103)));
    assertThat(unread(environment, database, life.ann(), life.annBen())).isEqualTo(1);
    assertThat(unread(environment, database, life.ben(), life.annBen())).isEqualTo(1);
    assertThat(unread(environment, database, life.ben(), life.benCy())).isEqualTo(1);
    assertThat(unread(environment, database, life.cy(), life.benCy())).isZero();
    assertThat(
            environment.queryRows(
                database,
                "blocker_id || ' ' || blocked_id || ' ' || " + epoch("created_at"),
                "dm_blocks",
                "created_at"))
        .isEqualTo(
            life.ann()
                + " "
                + life.ben()
                + " "
                + (AT + 12)
                + ","
                + life.cy()
                + " "
                + life.ann()
                + " "
                + (AT + 204));
  }

  /**
   * One DM notification per message sent to an offline recipient: Ben's of "hi ben", of "oops"
   * (deleted since, the notification stays) and of "ping", Ann's of "later".
   */
  public static void assertNotifications(
      ProjectorTestEnvironment environment, String database, DmLife life) throws Exception {
    assertThat(
            environment.queryRows(
                database,
                "id || ' ' || user_id || ' ' || kind || ' ' || conversation_id || ' ' || message_id"
                    + " || ' ' || actor_id || ' ' || "
                    + epoch("created_at")
                    + " || ' ' || (server_id IS NULL AND channel_id IS NULL"
                    + " AND invite_code IS NULL)",
                "notifications WHERE kind = 'DM' AND user_id IN ('"
                    + life.ann()
                    + "', '"
                    + life.ben()
                    + "', '"
                    + life.cy()
                    + "')",
                "created_at"))
        .isEqualTo(
            String.join(
                ",",
                notification(life, life.annBen(), 2, life.ben(), life.ann()),
                notification(life, life.annBen(), 6, life.ben(), life.ann()),
                notification(life, life.annBen(), 9, life.ann(), life.ben()),
                notification(life, life.benCy(), 2, life.ben(), life.cy())));
  }

  /** The contract's unread count of {@code user} in {@code conversation}. */
  public static long unread(
      ProjectorTestEnvironment environment,
      String database,
      UserId user,
      ConversationId conversation)
      throws Exception {
    return environment.queryLong(
        database,
        "SELECT count(*) FROM dm_messages m WHERE m.conversation_id = '"
            + conversation
            + "' AND m.author_id <> '"
            + user
            + "' AND m.deleted_at IS NULL AND m.seq > coalesce((SELECT last_read_seq"
            + " FROM dm_read_status r WHERE r.conversation_id = m.conversation_id"
            + " AND r.user_id = '"
            + user
            + "'), 0)");
  }

  private static String conversation(
      ConversationId id, UserId one, UserId other, UserId initiator, long created, long active) {
    var low = DmLife.low(one, other);
    var high = low.equals(one) ? other : one;
    return id
        + " "
        + low
        + " "
        + high
        + " "
        + initiator
        + " "
        + (AT + created)
        + " "
        + (AT + active);
  }

  private static String notification(
      DmLife life, ConversationId conversation, long seq, UserId user, UserId author) {
    var event = life.of(conversation, seq);
    var sent = (DirectMessageSent) event.payload();
    return Ids.notificationId(event.eventId(), user)
        + " "
        + user
        + " DM "
        + conversation
        + " "
        + sent.messageId()
        + " "
        + author
        + " "
        + event.occurredAt().getEpochSecond()
        + " true";
  }

  private static String epoch(String column) {
    return "extract(epoch FROM " + column + ")::bigint";
  }
}
