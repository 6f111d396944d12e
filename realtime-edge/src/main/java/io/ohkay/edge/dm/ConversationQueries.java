package io.ohkay.edge.dm;

import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/**
 * The reads of the direct-messages database, always of the caller's own conversations and blocks,
 * and of the recipients' profiles in the accounts database.
 */
final class ConversationQueries {

  private static final String PARTICIPATING =
      "select last_activity_at from dm_conversations"
          + " where id = :conversation and :user in (user_low, user_high)";

  private static final String CONVERSATIONS =
      """
      select c.id, c.last_activity_at,
             case when c.user_low = :user then c.user_high else c.user_low end as recipient_id,
             m.last_id, m.conversation_id, m.author_id, m.content, m.created_at, m.seq,
             m.deleted_at,
             (select count(*) from dm_messages u
               where u.conversation_id = c.id and u.author_id <> :user and u.deleted_at is null
                 and u.seq > coalesce((select r.last_read_seq from dm_read_status r
                                        where r.conversation_id = c.id and r.user_id = :user), 0)
             ) as unread
      from dm_conversations c
      left join lateral (
        select id as last_id, conversation_id, author_id, content, created_at, seq, deleted_at
        from dm_messages where conversation_id = c.id order by seq desc limit 1) m on true
      where (c.user_low = :user or c.user_high = :user)""";

  private static final String BELOW = " and (c.last_activity_at, c.id) < (:at, :before)";

  private static final String NEWEST_FIRST =
      " order by c.last_activity_at desc, c.id desc limit :limit";

  private static final String PROFILES =
      "select user_id, display_name, avatar_url from user_profiles where user_id = any(:users)";

  private static final String BLOCKS =
      "select blocked_id, created_at from dm_blocks where blocker_id = :user"
          + " order by created_at desc, blocked_id";

  /**
   * Where a list page starts: strictly below this place (activity time, then id), most recent
   * activity first.
   */
  record Cursor(Instant lastActivityAt, UUID id) {}

  /** A listed conversation before its recipient's profile is read. */
  record Row(
      UUID id,
      UUID recipientId,
      @Nullable DmMessageView lastMessage,
      long unread,
      Instant lastActivityAt) {

    ConversationView withRecipient(ConversationView.Recipient recipient) {
      return new ConversationView(id, recipient, lastMessage, unread, lastActivityAt);
    }
  }

  private ConversationQueries() {}

  /** The caller's conversation {@code id} as a list position; empty when it is not theirs. */
  static Mono<Cursor> participating(DatabaseClient dms, UUID user, UUID id) {
    return dms.sql(PARTICIPATING)
        .bind("conversation", id)
        .bind("user", user)
        .map(row -> new Cursor(row.get("last_activity_at", Instant.class), id))
        .one();
  }

  /** Up to {@code limit} of the caller's conversations below {@code cursor} (null: the newest). */
  static Mono<List<Row>> conversations(
      DatabaseClient dms, UUID user, @Nullable Cursor cursor, int limit) {
    var spec =
        dms.sql(CONVERSATIONS + (cursor == null ? "" : BELOW) + NEWEST_FIRST)
            .bind("user", user)
            .bind("limit", limit);
    if (cursor != null) {
      spec = spec.bind("at", cursor.lastActivityAt()).bind("before", cursor.id());
    }
    return spec.map(ConversationQueries::row).all().collectList();
  }

  /** The profiles of {@code users} that have one (a deleted account has none). */
  static Mono<Map<UUID, ConversationView.Recipient>> profiles(DatabaseClient auth, UUID[] users) {
    if (users.length == 0) {
      return Mono.just(Map.of());
    }
    return auth.sql(PROFILES)
        .bind("users", users)
        .map(
            row ->
                new ConversationView.Recipient(
                    row.get("user_id", UUID.class),
                    row.get("display_name", String.class),
                    row.get("avatar_url", String.class)))
        .all()
        .collect(Collectors.toMap(ConversationView.Recipient::id, recipient -> recipient));
  }

  /** The caller's blocks, the newest first. */
  static Mono<List<BlockView>> blocks(DatabaseClient dms, UUID user) {
    return dms.sql(BLOCKS)
        .bind("user", user)
        .map(
            row ->
                new BlockView(
                    row.get("blocked_id", UUID.class), row.get("created_at", Instant.class)))
        .all()
        .collectList();
  }

  private static Row row(Readable row) {
    var lastId = row.get("last_id", UUID.class);
    return new Row(
        row.get("id", UUID.class),
        row.get("recipient_id", UUID.class),
        lastId == null ? null : DmMessageView.of(row, "last_id"),
        row.get("unread", Long.class),
        row.get("last_activity_at", Instant.class));
  }
}
