package io.ohkay.edge.history;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One page of a history, newest first; {@code hasMore} says whether more messages lie beyond it in
 * the direction it was read (older for the latest page, {@code before} and {@code around}, newer
 * for {@code after}); {@code hasNewer}, only on an {@code around} page, whether newer messages lie
 * beyond it.
 *
 * @param <M> a message as clients see it
 */
public record MessagePage<M>(
    List<M> messages,
    boolean hasMore,
    @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable Boolean hasNewer) {

  /** The page from the rows of {@code query}, which read one row more than {@code limit}. */
  static <M> MessagePage<M> of(List<M> rows, MessagePageQuery query, int limit) {
    var page = newestFirst(rows, query, limit);
    return new MessagePage<>(page, rows.size() > limit, null);
  }

  /**
   * The page around a message from the rows older than it ({@code older}, read with {@code
   * window.older()}) and the rows from it on ({@code fromIt}, read with {@code window.newer() +
   * 1}).
   */
  static <M> MessagePage<M> around(
      List<M> older,
      MessagePageQuery olderQuery,
      List<M> fromIt,
      MessagePageQuery fromQuery,
      AroundWindow window) {
    var page = new ArrayList<>(newestFirst(fromIt, fromQuery, window.newer() + 1));
    page.addAll(newestFirst(older, olderQuery, window.older()));
    return new MessagePage<>(
        List.copyOf(page), older.size() > window.older(), fromIt.size() > window.newer() + 1);
  }

  private static <M> List<M> newestFirst(List<M> rows, MessagePageQuery query, int limit) {
    var page = new ArrayList<>(rows.size() > limit ? rows.subList(0, limit) : rows);
    if (query.ascending()) {
      Collections.reverse(page);
    }
    return List.copyOf(page);
  }
}
