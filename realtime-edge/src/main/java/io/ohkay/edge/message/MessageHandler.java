package io.ohkay.edge.message;

import io.ohkay.edge.history.MessageHistory;
import io.ohkay.edge.history.MessagePage;
import io.ohkay.edge.history.PageRequest;
import io.ohkay.edge.position.Freshness;
import io.ohkay.edge.position.ReadYourWrites;
import io.ohkay.edge.server.ServerAccess;
import io.ohkay.edge.server.ServerDirectory;
import io.ohkay.edge.web.Authenticator;
import io.ohkay.edge.web.RequestIds;
import io.ohkay.schemas.id.ServerId;
import java.util.UUID;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * {@code GET /api/servers/{serverId}/channels/{channelId}/messages}: cursor pages by seq of a
 * channel the member can view ({@code CHANNEL_NOT_FOUND} for one they cannot).
 */
final class MessageHandler {

  private record Answer(MessagePage<MessageView> page, Freshness freshness) {}

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
        .flatMap(answer -> answer.freshness().ok(answer.page()));
  }

  /** The page: a channel the member cannot view is refused before any query. */
  private static Mono<Answer> page(ServerAccess access, UUID channel, PageRequest request) {
    if (!access.canView(channel)) {
      return access.viewableChannel(channel).then(Mono.<Answer>empty());
    }
    var serverId = access.serverId().value();
    var history =
        new MessageHistory<>(
            access.database(),
            MessageRows.TABLE,
            channel,
            access.viewableChannel(channel),
            row -> MessageRows.view(row, serverId));
    return history.page(request).map(page -> new Answer(page, access.freshness()));
  }
}
