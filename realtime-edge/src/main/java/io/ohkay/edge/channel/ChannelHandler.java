package io.ohkay.edge.channel;

import io.ohkay.edge.position.ReadYourWrites;
import io.ohkay.edge.server.ServerAccess;
import io.ohkay.edge.server.ServerDirectory;
import io.ohkay.edge.web.Authenticator;
import io.ohkay.edge.web.RequestIds;
import io.ohkay.schemas.id.ServerId;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/** {@code GET /api/servers/{serverId}/channels}: a member's view of the channels, by position. */
final class ChannelHandler {

  private static final String CHANNELS =
      "select id, name, position, created_at from channels order by position, created_at, id";

  /** The response body. */
  record ChannelList(List<ChannelView> channels) {}

  private final Authenticator authenticator;
  private final ServerDirectory directory;
  private final ReadYourWrites readYourWrites;

  ChannelHandler(
      Authenticator authenticator, ServerDirectory directory, ReadYourWrites readYourWrites) {
    this.authenticator = authenticator;
    this.directory = directory;
    this.readYourWrites = readYourWrites;
  }

  Mono<ServerResponse> list(ServerRequest request) {
    var user = authenticator.require(request).userId();
    var server = new ServerId(RequestIds.path(request, "serverId"));
    var wait = readYourWrites.of(request);
    return directory
        .open(user, server, wait)
        .flatMap(
            access ->
                channels(access)
                    .flatMap(
                        channels ->
                            access
                                .freshness()
                                .mark(ServerResponse.ok())
                                .contentType(MediaType.APPLICATION_JSON)
                                .bodyValue(new ChannelList(channels))));
  }

  private static Mono<List<ChannelView>> channels(ServerAccess access) {
    var serverId = access.serverId().value();
    return access
        .database()
        .sql(CHANNELS)
        .map(
            row ->
                new ChannelView(
                    row.get("id", UUID.class),
                    serverId,
                    row.get("name", String.class),
                    row.get("position", Integer.class),
                    row.get("created_at", Instant.class)))
        .all()
        .collectList();
  }
}
