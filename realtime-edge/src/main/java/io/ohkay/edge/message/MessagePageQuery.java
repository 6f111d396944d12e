package io.ohkay.edge.message;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The SQL of one page of a channel's messages. It reads one row more than the limit, so the page
 * knows whether more messages lie beyond it; a page after a cursor reads upwards (oldest first) and
 * is reversed by {@link MessagePage}, every page is served newest first. Soft-deleted messages are
 * left out; {@code (channel_id, seq)} is indexed.
 *
 * @param bindings named parameters, in the order they appear
 * @param ascending whether rows come oldest first (a page after a cursor)
 */
record MessagePageQuery(String sql, Map<String, Object> bindings, boolean ascending) {

  private static final String SELECT =
      "select id, channel_id, author_id, content, created_at, seq, edited_at from messages"
          + " where channel_id = :channel and deleted_at is null";

  static MessagePageQuery of(UUID channelId, SeqBound bound, int limit) {
    var bindings = new LinkedHashMap<String, Object>();
    bindings.put("channel", channelId);
    var sql = new StringBuilder(SELECT);
    var ascending =
        switch (bound) {
          case SeqBound.Newest newest -> false;
          case SeqBound.Below below -> {
            sql.append(" and seq < :seq");
            bindings.put("seq", below.seq());
            yield false;
          }
          case SeqBound.Above above -> {
            sql.append(" and seq > :seq");
            bindings.put("seq", above.seq());
            yield true;
          }
        };
    sql.append(ascending ? " order by seq asc" : " order by seq desc").append(" limit :limit");
    bindings.put("limit", limit + 1);
    return new MessagePageQuery(sql.toString(), Map.copyOf(bindings), ascending);
  }
}
