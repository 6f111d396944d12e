package io.ohkay.edge.notification;

import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/**
 * The reads of {@code notifications} in the accounts database, always of one user's rows. A
 * notification is read from its own marker ({@code notification_reads}, the first read time) or, if
 * it is not newer than the user's read-all watermark, from the watermark's time. A marker only
 * counts for the notification's owner.
 */
final class NotificationQueries {

  private static final String READS =
      """
      from notifications n
      left join notification_reads r on r.notification_id = n.id and r.user_id = n.user_id
      left join notification_watermarks w on w.user_id = n.user_id
      where n.user_id = :user""";

  private static final String UNREAD =
      " and r.read_at is null and (w.read_before is null or n.created_at > w.read_before)";

  private static final String PAGE =
      """
      select n.id, n.kind, n.server_id, n.channel_id, n.message_id, n.conversation_id,
             n.invite_code, n.actor_id, n.created_at,
             coalesce(r.read_at,
                      case when n.created_at <= w.read_before then w.read_before end) as read_at
      """
          + READS;

  private static final String BELOW = " and (n.created_at, n.id) < (:at, :before)";

  private static final String NEWEST_FIRST = " order by n.created_at desc, n.id desc limit :limit";

  private static final String UNREAD_COUNT = "select count(*) as unread " + READS + UNREAD;

  private static final String CREATED_AT =
      "select created_at from notifications where id = :id and user_id = :user";

  /** Where a page starts: strictly below this notification in newest-first order. */
  record Cursor(Instant createdAt, UUID id) {}

  private NotificationQueries() {}

  /** The position of the user's notification {@code id}; empty when it is not theirs or gone. */
  static Mono<Cursor> cursor(DatabaseClient auth, UUID user, UUID id) {
    return auth.sql(CREATED_AT)
        .bind("id", id)
        .bind("user", user)
        .map(row -> new Cursor(row.get("created_at", Instant.class), id))
        .one();
  }

  /** Up to {@code limit} of the user's notifications below {@code cursor} (null: the newest). */
  static Mono<List<NotificationView>> page(
      DatabaseClient auth, UUID user, @Nullable Cursor cursor, boolean unreadOnly, int limit) {
    var sql = PAGE + (cursor == null ? "" : BELOW) + (unreadOnly ? UNREAD : "") + NEWEST_FIRST;
    var spec = auth.sql(sql).bind("user", user).bind("limit", limit);
    if (cursor != null) {
      spec = spec.bind("at", cursor.createdAt()).bind("before", cursor.id());
    }
    return spec.map(NotificationQueries::view).all().collectList();
  }

  /** How many of the user's notifications are unread. */
  static Mono<Long> unreadCount(DatabaseClient auth, UUID user) {
    return auth.sql(UNREAD_COUNT)
        .bind("user", user)
        .map(row -> row.get("unread", Long.class))
        .one();
  }

  private static NotificationView view(Readable row) {
    return new NotificationView(
        row.get("id", UUID.class),
        row.get("kind", String.class),
        row.get("server_id", UUID.class),
        row.get("channel_id", UUID.class),
        row.get("message_id", UUID.class),
        row.get("conversation_id", UUID.class),
        row.get("invite_code", String.class),
        row.get("actor_id", UUID.class),
        row.get("created_at", Instant.class),
        row.get("read_at", Instant.class));
  }
}
