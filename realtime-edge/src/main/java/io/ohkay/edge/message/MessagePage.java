package io.ohkay.edge.message;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One page of a channel's history, newest first; {@code hasMore} says whether more messages lie
 * beyond it in the direction it was read (older for the latest page and {@code before}, newer for
 * {@code after}).
 */
record MessagePage(List<MessageView> messages, boolean hasMore) {

  /** The page from the rows of {@code query}, which read one row more than {@code limit}. */
  static MessagePage of(List<MessageView> rows, MessagePageQuery query, int limit) {
    var hasMore = rows.size() > limit;
    var page = new ArrayList<>(hasMore ? rows.subList(0, limit) : rows);
    if (query.ascending()) {
      Collections.reverse(page);
    }
    return new MessagePage(List.copyOf(page), hasMore);
  }
}
