package io.ohkay.edge.history;

import io.ohkay.edge.web.ProblemException;
import io.ohkay.schemas.error.ErrorCode;
import io.r2dbc.spi.Readable;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/**
 * The history of one scope (a channel, a conversation) the reader may see, read in cursor pages:
 * each page's one statement resolves the cursor too, and only an empty page pays for telling an
 * unknown scope or cursor apart from the end of the history ({@code INVALID_CURSOR} for a cursor
 * that is not a message of this history).
 *
 * @param database the database holding {@code table}
 * @param scope the channel or conversation
 * @param exists completes when the scope exists, fails with the caller's refusal when it does not
 * @param view a row of {@link MessageTable#columns()} as clients see it
 * @param <M> a message as clients see it
 */
public record MessageHistory<M>(
    DatabaseClient database,
    MessageTable table,
    UUID scope,
    Mono<?> exists,
    Function<? super Readable, M> view) {

  /** The page {@code request} asks for, newest first. */
  public Mono<MessagePage<M>> page(PageRequest request) {
    var limit = request.limit();
    return switch (request.cursor()) {
      case PageCursor.Latest latest -> run(new SeqBound.Newest(), null, limit);
      case PageCursor.Before before ->
          run(new SeqBound.BelowMessage(before.messageId()), before.messageId(), limit);
      case PageCursor.After after ->
          run(new SeqBound.AboveMessage(after.messageId()), after.messageId(), limit);
      case PageCursor.Around around ->
          exists
              .then(seqOf(around.messageId()))
              .flatMap(seq -> around(seq, AroundWindow.of(limit)));
    };
  }

  private Mono<MessagePage<M>> run(SeqBound bound, @Nullable UUID cursor, int limit) {
    var query = MessagePageQuery.of(table, scope, bound, limit);
    return rows(query)
        .flatMap(rows -> rows.isEmpty() ? confirmEmpty(cursor).thenReturn(rows) : Mono.just(rows))
        .map(rows -> MessagePage.of(rows, query, limit));
  }

  /** An empty page is an answer only if the scope, and the cursor in it, exist. */
  private Mono<Void> confirmEmpty(@Nullable UUID cursor) {
    return cursor == null ? exists.then() : exists.then(seqOf(cursor)).then();
  }

  private Mono<MessagePage<M>> around(long seq, AroundWindow window) {
    var older = MessagePageQuery.of(table, scope, new SeqBound.Below(seq), window.older());
    var fromIt = MessagePageQuery.of(table, scope, new SeqBound.From(seq), window.newer() + 1);
    return rows(older)
        .zipWith(
            rows(fromIt),
            (olderRows, fromRows) ->
                MessagePage.around(olderRows, older, fromRows, fromIt, window));
  }

  private Mono<Long> seqOf(UUID message) {
    return database
        .sql(MessagePageQuery.seqOf(table))
        .bind("cursor", message)
        .bind("scope", scope)
        .map(row -> row.get("seq", Long.class))
        .one()
        .switchIfEmpty(
            Mono.error(
                () ->
                    new ProblemException(
                        ErrorCode.INVALID_CURSOR,
                        "The cursor is not a message of this " + table.scope() + ".")));
  }

  private Mono<List<M>> rows(MessagePageQuery query) {
    var spec = database.sql(query.sql());
    for (var binding : query.bindings().entrySet()) {
      spec = spec.bind(binding.getKey(), binding.getValue());
    }
    return spec.map(view).all().collectList();
  }
}
