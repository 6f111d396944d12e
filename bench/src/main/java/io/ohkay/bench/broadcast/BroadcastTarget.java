package io.ohkay.bench.broadcast;

import io.ohkay.bench.target.FanoutTarget;
import io.ohkay.bench.target.Sender;
import java.net.URI;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/**
 * The bare broadcaster as a fan-out target, on a free loopback port: one server, one channel, one
 * token that every subscriber and the sender share.
 */
public final class BroadcastTarget implements FanoutTarget {

  /** Events a subscriber may fall behind by: the edge's default connection buffer. */
  static final int SUBSCRIBER_BUFFER = 1_000;

  private final SharedEvents events;
  private final DisposableServer server;
  private final String bearerToken;
  private final Sender sender;
  private final int members;

  private BroadcastTarget(
      SharedEvents events,
      DisposableServer server,
      String bearerToken,
      Sender sender,
      int members) {
    this.events = events;
    this.server = server;
    this.bearerToken = bearerToken;
    this.sender = sender;
    this.members = members;
  }

  /** Starts the broadcaster for {@code members} subscribers. */
  public static BroadcastTarget start(int members) {
    var events = new SharedEvents(SUBSCRIBER_BUFFER);
    var token = UUID.randomUUID().toString();
    var serverId = UUID.randomUUID();
    var routes = new BroadcastRoutes(events, token, serverId, UUID.randomUUID());
    var server =
        HttpServer.create()
            .host("127.0.0.1")
            .port(0)
            .route(routes::routes)
            .bindNow(Duration.ofSeconds(10));
    var path = "/api/servers/%s/channels/%s/messages".formatted(serverId, UUID.randomUUID());
    return new BroadcastTarget(events, server, token, new Sender(path, token), members);
  }

  @Override
  public String name() {
    return "baseline";
  }

  @Override
  public URI baseUrl() {
    return URI.create("http://127.0.0.1:" + server.port());
  }

  @Override
  public Sender sender() {
    return sender;
  }

  @Override
  public String streamPath() {
    return "/api/stream";
  }

  @Override
  public List<String> subscriberTokens() {
    return Collections.nCopies(members, bearerToken);
  }

  @Override
  public void close() {
    events.close();
    server.disposeNow(Duration.ofSeconds(10));
  }
}
