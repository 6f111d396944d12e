package io.ohkay.edge.history;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The SQL of one page of a history's messages. It reads one row more than the limit, so the page
 * knows whether more messages lie beyond it; a page after a cursor reads upwards (oldest first) and
 * is reversed by {@link MessagePage}, every page is served newest first. Deleted messages keep
 * their place as tombstones.
 *
 * @param bindings named parameters
 * @param ascending whether rows come oldest first (a page after a cursor)
 */
record MessagePageQuery(String sql, Map<String, Object> bindings, boolean ascending) {

  static MessagePageQuery of(MessageTable table, UUID scope, SeqBound bound, int limit) {
    var bindings = new HashMap<String, Object>();
    bindings.put("scope", scope);
    var sql =
        new StringBuilder("select ")
            .append(table.columns())
            .append(" from ")
            .append(table.name())
            .append(" where ")
            .append(table.scopeColumn())
            .append(" = :scope");
    var ascending =
        switch (bound) {
          case SeqBound.Newest newest -> false;
          case SeqBound.Below below -> bounded(sql, bindings, "<", below.seq(), false);
          case SeqBound.From from -> bounded(sql, bindings, ">=", from.seq(), true);
          case SeqBound.BelowMessage below ->
              cursor(table, sql, bindings, "<", below.messageId(), false);
          case SeqBound.AboveMessage above ->
              cursor(table, sql, bindings, ">", above.messageId(), true);
        };
    sql.append(ascending ? " order by seq asc" : " order by seq desc").append(" limit :limit");
    bindings.put("limit", limit + 1);
    return new MessagePageQuery(sql.toString(), Map.copyOf(bindings), ascending);
  }

  /** The statement reading the seq of message {@code :cursor} of history {@code :scope}. */
  static String seqOf(MessageTable table) {
    return "select c.seq from "
        + table.name()
        + " c where c.id = :cursor and c."
        + table.scopeColumn()
        + " = :scope";
  }

  /** A bound on the seq of a message of the history, looked up by the same statement. */
  private static boolean cursor(
      MessageTable table,
      StringBuilder sql,
      Map<String, Object> bindings,
      String operator,
      UUID message,
      boolean ascending) {
    sql.append(" and seq ").append(operator).append(" (").append(seqOf(table)).append(')');
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
