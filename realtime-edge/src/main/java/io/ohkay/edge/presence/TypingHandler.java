package io.ohkay.edge.presence;

import io.ohkay.edge.position.ReadYourWrites;
import io.ohkay.edge.web.Authenticator;
import io.ohkay.edge.web.RequestIds;
import io.ohkay.schemas.id.ChannelId;
import io.ohkay.schemas.id.ConversationId;
import io.ohkay.schemas.id.ServerId;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * {@code POST /api/servers/{serverId}/channels/{channelId}/typing} and {@code POST
 * /api/dms/{conversationId}/typing}: 204 once {@link ClientSignals} took the signal (a typing frame
 * on the WebSocket goes the same way).
 */
final class TypingHandler {

  private final Authenticator authenticator;
  private final ReadYourWrites readYourWrites;
  private final ClientSignals signals;

  TypingHandler(Authenticator authenticator, ReadYourWrites readYourWrites, ClientSignals signals) {
    this.authenticator = authenticator;
    this.readYourWrites = readYourWrites;
    this.signals = signals;
  }

  Mono<ServerResponse> inChannel(ServerRequest request) {
    var user = authenticator.require(request).userId();
    var server = new ServerId(RequestIds.path(request, "serverId"));
    var channel = new ChannelId(RequestIds.path(request, "channelId"));
    return signals
        .typingInChannel(user, server, channel, readYourWrites.of(request))
        .then(ServerResponse.noContent().build());
  }

  Mono<ServerResponse> inConversation(ServerRequest request) {
    var user = authenticator.require(request).userId();
    var conversation = new ConversationId(RequestIds.path(request, "conversationId"));
    return signals
        .typingInConversation(user, conversation)
        .then(ServerResponse.noContent().build());
  }
}
