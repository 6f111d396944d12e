package io.ohkay.edge.message;

import io.ohkay.edge.position.ReadYourWrites;
import io.ohkay.edge.server.ServerAccess;
import io.ohkay.edge.server.ServerDirectory;
import io.ohkay.edge.web.Authenticator;
import io.ohkay.edge.web.RequestIds;
import io.ohkay.schemas.id.ServerId;
import java.util.List;
import java.util.UUID;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * {@code GET /api/servers/{serverId}/messages/search?q=&limit=}: {@code {"messages": [...]}}, the
 * messages matching {@code q} (PostgreSQL text search, {@code simple} configuration, web search
 * syntax) in the channels the member can view, newest first; deleted messages never match.
 */
final class SearchHandler {

  private static final String CHANNELS = "select id from channels";

  private static final String SEARCH =
      "select "
          + MessageRows.COLUMNS
          + """
           from messages
          where channel_id = any(:channels) and deleted_at is null
            and search @@ websearch_to_tsquery('simple', :query)
          order by seq desc
          limit :limit""";

  /** The response body. */
  record Found(List<MessageView> messages) {}

  private final Authenticator authenticator;
  private final ServerDirectory directory;
  private final ReadYourWrites readYourWrites;

  SearchHandler(
      Authenticator authenticator, ServerDirectory directory, ReadYourWrites readYourWrites) {
    this.authenticator = authenticator;
    this.directory = directory;
    this.readYourWrites = readYourWrites;
  }

  Mono<ServerResponse> search(ServerRequest request) {
    var user = authenticator.require(request).userId();
    var server = new ServerId(RequestIds.path(request, "serverId"));
    var search = SearchRequest.from(request.queryParams());
    return directory
        .open(user, server, readYourWrites.of(request))
        .flatMap(
            access ->
                found(access, search)
                    .flatMap(messages -> access.freshness().ok(new Found(messages))));
  }

  private static Mono<List<MessageView>> found(ServerAccess access, SearchRequest search) {
    return viewableChannels(access)
        .flatMap(
            channels ->
                channels.length == 0 ? Mono.just(List.of()) : matching(access, channels, search));
  }

  private static Mono<UUID[]> viewableChannels(ServerAccess access) {
    return access
        .database()
        .sql(CHANNELS)
        .map(row -> row.get("id", UUID.class))
        .all()
        .filter(access::canView)
        .collectList()
        .map(channels -> channels.toArray(UUID[]::new));
  }

  private static Mono<List<MessageView>> matching(
      ServerAccess access, UUID[] channels, SearchRequest search) {
    var serverId = access.serverId().value();
    return access
        .database()
        .sql(SEARCH)
        .bind("channels", channels)
        .bind("query", search.query())
        .bind("limit", search.limit())
        .map(row -> MessageRows.view(row, serverId))
        .all()
        .collectList();
  }
}
