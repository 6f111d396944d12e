package io.ohkay.edge.message;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The SQL of one page of a channel's messages. It reads one row more than the limit, so the page
 * knows whether more messages lie beyond it; a page after a cursor reads upwards (oldest first) and
 * is reversed by {@link MessagePage}, every page is served newest first. Deleted messages keep
 * their place as tombstones; {@code (channel_id, seq)} is indexed.
 *
 * @param bindings named parameters, in the order they appear
 * @param ascending whether rows come oldest first (a page after a cursor)
 */
record MessagePageQuery(String sql, Map<String, Object> bindings, boolean ascending) {

  private static final String SELECT =
      "select " + MessageRows.COLUMNS + " from messages where channel_id = :channel";

  static MessagePageQuery of(UUID channelId, SeqBound bound, int limit) {
    var bindings = new LinkedHashMap<String, Object>();
    bindings.put("channel", channelId);
    var sql = new StringBuilder(SELECT);
    var ascending =
        switch (bound) {
          case SeqBound.Newest newest -> false;
          case SeqBound.Below below -> bounded(sql, bindings, "<", below.seq(), false);
          case SeqBound.Above above -> bounded(sql, bindings, ">", above.seq(), true);
          case SeqBound.From from -> bounded(sql, bindings, ">=", from.seq(), true);
          case SeqBound.BelowMessage below -> cursor(sql, bindings, "<", below.messageId(), false);
          case SeqBound.AboveMessage above -> cursor(sql, bindings, ">", above.messageId(), true);
        };
    sql.append(ascending ? " order by seq asc" : " order by seq desc").append(" limit :limit");
    bindings.put("limit", limit + 1);
    return new MessagePageQuery(sql.toString(), Map.copyOf(bindings), ascending);
  }

  /** A bound on the seq of a message of the channel, looked up by the same statement. */
  private static boolean cursor(
      StringBuilder sql,
      Map<String, Object> bindings,
      String operator,
      UUID message,
      boolean ascending) {
    sql.append(" and seq ")
        .append(operator)
        .append(" (select c.seq from messages c where c.id = :cursor and c.channel_id = :channel)");
    bindings.put("cursor", message);
    return ascending;
  }

  private static boolean bounded(
      StringBuilder sql,
      Map<String, Object> bindings,
      String operator,
      long seq,
      boolean ascending) {
    sql.append(" and seq ").append(operator).append(" :seq");
    bindings.put("seq", seq);
    return ascending;
  }
}
