package io.ohkay.edge.message;

import io.ohkay.edge.position.Freshness;
import io.ohkay.edge.position.ReadYourWrites;
import io.ohkay.edge.server.ServerAccess;
import io.ohkay.edge.server.ServerDirectory;
import io.ohkay.edge.web.Authenticator;
import io.ohkay.edge.web.ProblemException;
import io.ohkay.edge.web.RequestIds;
import io.ohkay.schemas.error.ErrorCode;
import io.ohkay.schemas.id.ServerId;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * {@code GET /api/servers/{serverId}/channels/{channelId}/messages}: cursor pages by seq of a
 * channel the member can view ({@code CHANNEL_NOT_FOUND} for one they cannot).
 */
final class MessageHandler {

  private static final String SEQ_OF_MESSAGE =
      "select seq from messages where id = :message and channel_id = :channel";

  private record Answer(MessagePage page, Freshness freshness) {}

  private final Authenticator authenticator;
  private final ServerDirectory directory;
  private final ReadYourWrites readYourWrites;

  MessageHandler(
      Authenticator authenticator, ServerDirectory directory, ReadYourWrites readYourWrites) {
    this.authenticator = authenticator;
    this.directory = directory;
    this.readYourWrites = readYourWrites;
  }

  Mono<ServerResponse> list(ServerRequest request) {
    var user = authenticator.require(request).userId();
    var server = new ServerId(RequestIds.path(request, "serverId"));
    var channel = RequestIds.path(request, "channelId");
    var page = PageRequest.from(request.queryParams());
    var wait = readYourWrites.of(request);
    return directory
        .open(user, server, wait)
        .flatMap(access -> page(access, channel, page))
        .flatMap(
            answer ->
                answer
                    .freshness()
                    .mark(ServerResponse.ok())
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(answer.page()));
  }

  /**
   * The page: a channel the member cannot view is refused before any query; otherwise the page's
   * one statement resolves the cursor too, and only an empty page pays for telling an unknown
   * channel or cursor apart from the end of the history.
   */
  private static Mono<Answer> page(ServerAccess access, UUID channel, PageRequest request) {
    if (!access.canView(channel)) {
      return access.viewableChannel(channel).then(Mono.<Answer>empty());
    }
    var limit = request.limit();
    Mono<MessagePage> page =
        switch (request.cursor()) {
          case PageCursor.Latest latest -> run(access, channel, new SeqBound.Newest(), null, limit);
          case PageCursor.Before before ->
              run(
                  access,
                  channel,
                  new SeqBound.BelowMessage(before.messageId()),
                  before.messageId(),
                  limit);
          case PageCursor.After after ->
              run(
                  access,
                  channel,
                  new SeqBound.AboveMessage(after.messageId()),
                  after.messageId(),
                  limit);
          case PageCursor.Around around ->
              access
                  .viewableChannel(channel)
                  .then(seqOf(access.database(), channel, around.messageId()))
                  .flatMap(seq -> around(access, channel, seq, AroundWindow.of(limit)));
        };
    return page.map(found -> new Answer(found, access.freshness()));
  }

  private static Mono<MessagePage> run(
      ServerAccess access, UUID channel, SeqBound bound, @Nullable UUID cursor, int limit) {
    var query = MessagePageQuery.of(channel, bound, limit);
    return rows(access, query)
        .flatMap(
            rows ->
                rows.isEmpty()
                    ? confirmEmpty(access, channel, cursor).thenReturn(rows)
                    : Mono.just(rows))
        .map(rows -> MessagePage.of(rows, query, limit));
  }

  /** An empty page is an answer only if the channel, and the cursor in it, exist. */
  private static Mono<Void> confirmEmpty(ServerAccess access, UUID channel, @Nullable UUID cursor) {
    var exists = access.viewableChannel(channel);
    return cursor == null
        ? exists.then()
        : exists.then(seqOf(access.database(), channel, cursor)).then();
  }

  private static Mono<MessagePage> around(
      ServerAccess access, UUID channel, long seq, AroundWindow window) {
    var older = MessagePageQuery.of(channel, new SeqBound.Below(seq), window.older());
    var fromIt = MessagePageQuery.of(channel, new SeqBound.From(seq), window.newer() + 1);
    return rows(access, older)
        .zipWith(
            rows(access, fromIt),
            (olderRows, fromRows) ->
                MessagePage.around(olderRows, older, fromRows, fromIt, window));
  }

  private static Mono<Long> seqOf(DatabaseClient database, UUID channel, UUID message) {
    return database
        .sql(SEQ_OF_MESSAGE)
        .bind("message", message)
        .bind("channel", channel)
        .map(row -> row.get("seq", Long.class))
        .one()
        .switchIfEmpty(
            Mono.error(
                () ->
                    new ProblemException(
                        ErrorCode.INVALID_CURSOR, "The cursor is not a message of this channel.")));
  }

  private static Mono<List<MessageView>> rows(ServerAccess access, MessagePageQuery query) {
    var spec = access.database().sql(query.sql());
    for (var binding : query.bindings().entrySet()) {
      spec = spec.bind(binding.getKey(), binding.getValue());
    }
    var serverId = access.serverId().value();
    return spec.map(row -> MessageRows.view(row, serverId)).all().collectList();
  }
}
