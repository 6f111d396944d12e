package io.ohkay.edge.channel;

import io.ohkay.edge.position.ReadYourWrites;
import io.ohkay.edge.server.ServerAccess;
import io.ohkay.edge.server.ServerDirectory;
import io.ohkay.edge.web.Authenticator;
import io.ohkay.edge.web.RequestIds;
import io.ohkay.schemas.id.ServerId;
import io.ohkay.schemas.permission.ChannelOverwrite;
import io.ohkay.schemas.permission.Permission;
import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * {@code GET /api/servers/{serverId}/channels}: the channels a member can view, by position, each
 * with its unread count; {@code GET .../channels/{channelId}/overwrites}: a channel's overwrites,
 * for members who may manage it.
 */
final class ChannelHandler {

  /** The channels first (cheap), the unread counts of the viewable ones only after. */
  private static final String CHANNELS =
      "select id, name, position, created_at from channels order by position, created_at, id";

  private static final String UNREAD_COUNTS =
      """
      select m.channel_id, count(*) as unread
      from messages m
      left join read_states r on r.channel_id = m.channel_id and r.user_id = :user
      where m.channel_id = any(:channels) and m.author_id <> :user and m.deleted_at is null
        and m.seq > coalesce(r.last_read_seq, 0)
      group by m.channel_id""";

  /** The response bodies. */
  record ChannelList(List<ChannelView> channels) {}

  record OverwriteList(List<OverwriteView> overwrites) {}

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
    return directory
        .open(user, server, readYourWrites.of(request))
        .flatMap(
            access -> channels(access).flatMap(channels -> ok(access, new ChannelList(channels))));
  }

  Mono<ServerResponse> overwrites(ServerRequest request) {
    var user = authenticator.require(request).userId();
    var server = new ServerId(RequestIds.path(request, "serverId"));
    var channel = RequestIds.path(request, "channelId");
    return directory
        .open(user, server, readYourWrites.of(request))
        .flatMap(access -> access.viewableChannel(channel))
        .flatMap(access -> access.require(Permission.MANAGE_CHANNELS, channel))
        .flatMap(access -> ok(access, overwritesOf(access, channel)));
  }

  private static Mono<ServerResponse> ok(ServerAccess access, Object body) {
    return access.freshness().ok(body);
  }

  private static OverwriteList overwritesOf(ServerAccess access, UUID channel) {
    var overwrites =
        access.access().model().overwrites().getOrDefault(channel, Map.of()).values().stream()
            .sorted(
                Comparator.comparing(ChannelOverwrite::targetType)
                    .thenComparing(overwrite -> overwrite.targetId().toString()))
            .map(OverwriteView::of)
            .toList();
    return new OverwriteList(overwrites);
  }

  private static Mono<List<ChannelView>> channels(ServerAccess access) {
    var serverId = access.serverId().value();
    return access
        .database()
        .sql(CHANNELS)
        .map(row -> view(row, serverId))
        .all()
        .filter(channel -> access.canView(channel.id()))
        .collectList()
        .flatMap(channels -> withUnreadCounts(access, channels));
  }

  private static Mono<List<ChannelView>> withUnreadCounts(
      ServerAccess access, List<ChannelView> channels) {
    if (channels.isEmpty()) {
      return Mono.just(channels);
    }
    var ids = channels.stream().map(ChannelView::id).toArray(UUID[]::new);
    return access
        .database()
        .sql(UNREAD_COUNTS)
        .bind("user", access.user().value())
        .bind("channels", ids)
        .map(row -> Map.entry(row.get("channel_id", UUID.class), row.get("unread", Long.class)))
        .all()
        .collectMap(Map.Entry::getKey, Map.Entry::getValue)
        .map(
            counts ->
                channels.stream()
                    .map(channel -> withUnread(channel, counts.getOrDefault(channel.id(), 0L)))
                    .toList());
  }

  private static ChannelView withUnread(ChannelView channel, long unread) {
    return new ChannelView(
        channel.id(),
        channel.serverId(),
        channel.name(),
        channel.position(),
        channel.createdAt(),
        unread);
  }

  private static ChannelView view(Readable row, UUID serverId) {
    return new ChannelView(
        row.get("id", UUID.class),
        serverId,
        row.get("name", String.class),
        row.get("position", Integer.class),
        row.get("created_at", Instant.class),
        0L);
  }
}
