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
import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/** {@code GET /api/servers/{serverId}/channels/{channelId}/messages}: cursor pages by seq. */
final class MessageHandler {

  private static final String CHANNEL_EXISTS = "select 1 from channels where id = :channel";
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
        .flatMap(access -> requireChannel(access, channel).then(page(access, channel, page)))
        .flatMap(
            answer ->
                answer
                    .freshness()
                    .mark(ServerResponse.ok())
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(answer.page()));
  }

  private static Mono<Void> requireChannel(ServerAccess access, UUID channel) {
    return access
        .database()
        .sql(CHANNEL_EXISTS)
        .bind("channel", channel)
        .map(row -> true)
        .one()
        .switchIfEmpty(
            Mono.error(() -> new ProblemException(ErrorCode.CHANNEL_NOT_FOUND, "No such channel.")))
        .then();
  }

  private static Mono<Answer> page(ServerAccess access, UUID channel, PageRequest request) {
    return bound(access.database(), channel, request.cursor())
        .map(bound -> MessagePageQuery.of(channel, bound, request.limit()))
        .flatMap(query -> run(access, query, request.limit()))
        .map(page -> new Answer(page, access.freshness()));
  }

  private static Mono<SeqBound> bound(DatabaseClient database, UUID channel, PageCursor cursor) {
    return switch (cursor) {
      case PageCursor.Latest latest -> Mono.just(new SeqBound.Newest());
      case PageCursor.Before before ->
          seqOf(database, channel, before.messageId()).map(SeqBound.Below::new);
      case PageCursor.After after ->
          seqOf(database, channel, after.messageId()).map(SeqBound.Above::new);
    };
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

  private static Mono<MessagePage> run(ServerAccess access, MessagePageQuery query, int limit) {
    var spec = access.database().sql(query.sql());
    for (var binding : query.bindings().entrySet()) {
      spec = spec.bind(binding.getKey(), binding.getValue());
    }
    var serverId = access.serverId().value();
    return spec.map(row -> view(row, serverId))
        .all()
        .collectList()
        .map(rows -> MessagePage.of(rows, query, limit));
  }

  private static MessageView view(Readable row, UUID serverId) {
    return new MessageView(
        row.get("id", UUID.class),
        serverId,
        row.get("channel_id", UUID.class),
        row.get("author_id", UUID.class),
        row.get("content", String.class),
        row.get("created_at", Instant.class),
        row.get("seq", Long.class),
        row.get("edited_at", Instant.class));
  }
}
