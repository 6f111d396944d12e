package io.ohkay.edge.dm;

import io.ohkay.edge.db.Databases;
import io.ohkay.edge.history.MessageHistory;
import io.ohkay.edge.history.PageRequest;
import io.ohkay.edge.position.Freshness;
import io.ohkay.edge.position.ReadYourWrites;
import io.ohkay.edge.web.Authenticator;
import io.ohkay.edge.web.ProblemException;
import io.ohkay.edge.web.RequestIds;
import io.ohkay.schemas.error.ErrorCode;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * The direct-message reads, each after waiting (bounded) for the request's {@code
 * X-Ohkay-Min-Position} in the direct-messages database: {@code GET /api/dms} ({@code
 * {"conversations": [...]}}, most recent activity first), {@code GET
 * /api/dms/{conversationId}/messages} (the channel pages' shape and rules) and {@code GET
 * /api/blocks} ({@code {"blocks": [...]}}). A conversation the caller is not part of answers {@code
 * CONVERSATION_NOT_FOUND}, exactly as one that does not exist.
 */
final class DmHandler {

  /**
   * The body of {@code GET /api/dms}.
   *
   * @param next the {@code before} of the next page, null when there is none
   */
  record Conversations(
      List<ConversationView> conversations, boolean hasMore, @Nullable String next) {}

  /** The body of {@code GET /api/blocks}. */
  record Blocks(List<BlockView> blocks) {}

  private final Authenticator authenticator;
  private final Databases databases;
  private final ReadYourWrites readYourWrites;

  DmHandler(Authenticator authenticator, Databases databases, ReadYourWrites readYourWrites) {
    this.authenticator = authenticator;
    this.databases = databases;
    this.readYourWrites = readYourWrites;
  }

  Mono<ServerResponse> conversations(ServerRequest request) {
    var user = authenticator.require(request).userId().value();
    var list = ConversationListRequest.from(request.queryParams());
    var dms = databases.dms();
    return respond(readYourWrites.of(request).in(dms), Mono.defer(() -> page(dms, user, list)));
  }

  Mono<ServerResponse> messages(ServerRequest request) {
    var user = authenticator.require(request).userId().value();
    var conversation = RequestIds.path(request, "conversationId");
    var page = PageRequest.from(request.queryParams());
    var dms = databases.dms();
    var history =
        new MessageHistory<>(
            dms, DmMessageView.TABLE, conversation, Mono.empty(), DmMessageView::of);
    return respond(
        readYourWrites.of(request).in(dms),
        ConversationQueries.participating(dms, user, conversation)
            .switchIfEmpty(Mono.error(DmHandler::notFound))
            .then(Mono.defer(() -> history.page(page))));
  }

  Mono<ServerResponse> blocks(ServerRequest request) {
    var user = authenticator.require(request).userId().value();
    var dms = databases.dms();
    return respond(
        readYourWrites.of(request).in(dms), ConversationQueries.blocks(dms, user).map(Blocks::new));
  }

  /** The body read once the wait is over, marked stale when the wait timed out. */
  private static Mono<ServerResponse> respond(Mono<Freshness> wait, Mono<?> body) {
    return wait.flatMap(freshness -> body.flatMap(found -> freshness.ok(found)));
  }

  private Mono<Conversations> page(DatabaseClient dms, UUID user, ConversationListRequest list) {
    var limit = list.limit();
    return ConversationQueries.conversations(dms, user, list.before(), limit + 1)
        .flatMap(
            rows -> {
              var hasMore = rows.size() > limit;
              var shown = hasMore ? rows.subList(0, limit) : rows;
              var next =
                  hasMore
                      ? ConversationListRequest.encode(
                          new ConversationQueries.Cursor(
                              shown.getLast().lastActivityAt(), shown.getLast().id()))
                      : null;
              return withRecipients(shown).map(views -> new Conversations(views, hasMore, next));
            });
  }

  private Mono<List<ConversationView>> withRecipients(List<ConversationQueries.Row> rows) {
    var users = rows.stream().map(ConversationQueries.Row::recipientId).distinct();
    return ConversationQueries.profiles(databases.auth(), users.toArray(UUID[]::new))
        .map(profiles -> rows.stream().map(row -> withRecipient(row, profiles)).toList());
  }

  private static ConversationView withRecipient(
      ConversationQueries.Row row, Map<UUID, ConversationView.Recipient> profiles) {
    var profile = profiles.get(row.recipientId());
    return row.withRecipient(
        profile == null ? ConversationView.Recipient.deleted(row.recipientId()) : profile);
  }

  private static ProblemException notFound() {
    return new ProblemException(ErrorCode.CONVERSATION_NOT_FOUND, "No such conversation.");
  }
}
