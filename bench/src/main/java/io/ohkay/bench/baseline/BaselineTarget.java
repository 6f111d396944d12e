package io.ohkay.bench.baseline;

import io.ohkay.bench.target.Target;
import io.ohkay.platform.infra.EmbeddedPostgresServer;
import io.ohkay.platform.infra.SharedInfrastructure;
import java.net.URI;
import java.time.Duration;
import java.util.UUID;

/**
 * The baseline running on a fresh database of the embedded PostgreSQL: one server, one channel, one
 * user whose token is a random string compared as is.
 */
public final class BaselineTarget implements Target {

  /**
   * Connections to PostgreSQL. Each insert waits for its commit's WAL flush: a pool wider than the
   * cores lets concurrent commits share flushes (group commit), and 16 stays far below what would
   * make 2 cores thrash.
   */
  static final int POOL_SIZE = 16;

  private final MessageStore store;
  private final MessageBroadcaster broadcaster;
  private final BaselineServer server;
  private final String bearerToken;
  private final String postPath;

  private BaselineTarget(
      MessageStore store,
      MessageBroadcaster broadcaster,
      BaselineServer server,
      String bearerToken,
      String postPath) {
    this.store = store;
    this.broadcaster = broadcaster;
    this.server = server;
    this.bearerToken = bearerToken;
    this.postPath = postPath;
  }

  /** Creates a database on {@code postgres}, its tables and channel, and starts the server. */
  public static BaselineTarget start(EmbeddedPostgresServer postgres) {
    String database = SharedInfrastructure.uniqueName("baseline");
    postgres.createDatabaseIfAbsent(database);
    var store = MessageStore.connect(postgres, database, POOL_SIZE);
    UUID serverId = UUID.randomUUID();
    UUID channelId = UUID.randomUUID();
    store.prepare(channelId).block(Duration.ofSeconds(30));
    var broadcaster = new MessageBroadcaster();
    String token = UUID.randomUUID().toString();
    var routes = new MessageRoutes(store, broadcaster, token, serverId, UUID.randomUUID());
    return new BaselineTarget(
        store,
        broadcaster,
        BaselineServer.start(routes.routes()),
        token,
        "/api/servers/%s/channels/%s/messages".formatted(serverId, channelId));
  }

  @Override
  public String name() {
    return "baseline";
  }

  @Override
  public URI baseUrl() {
    return server.baseUrl();
  }

  @Override
  public String bearerToken() {
    return bearerToken;
  }

  @Override
  public String postPath() {
    return postPath;
  }

  @Override
  public String streamPath() {
    return "/api/stream";
  }

  @Override
  public void close() {
    broadcaster.close();
    server.close();
    store.close();
  }
}
