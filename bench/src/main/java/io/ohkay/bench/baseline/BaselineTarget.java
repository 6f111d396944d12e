package io.ohkay.bench.baseline;

import io.ohkay.bench.target.Sender;
import io.ohkay.bench.target.Target;
import io.ohkay.platform.infra.EmbeddedPostgresServer;
import io.ohkay.platform.infra.SharedInfrastructure;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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

  private final String name;
  private final MessageStore store;
  private final MessageBroadcaster broadcaster;
  private final BaselineServer server;
  private final String bearerToken;
  private final List<Sender> senders;

  private BaselineTarget(
      String name,
      MessageStore store,
      MessageBroadcaster broadcaster,
      BaselineServer server,
      String bearerToken,
      List<Sender> senders) {
    this.name = name;
    this.store = store;
    this.broadcaster = broadcaster;
    this.server = server;
    this.bearerToken = bearerToken;
    this.senders = senders;
  }

  /** Creates a database on {@code postgres}, its tables and channel, and starts the server. */
  public static BaselineTarget start(EmbeddedPostgresServer postgres) {
    return start("baseline", postgres, 1);
  }

  /**
   * The baseline of direct messages, {@code baseline-dm}: seed 000 keeps a conversation's messages
   * as a channel's, so each of {@code conversations} conversations is a channel of its own, posted
   * to in turn and broadcast to the one stream.
   */
  public static BaselineTarget startConversations(
      EmbeddedPostgresServer postgres, int conversations) {
    return start("baseline-dm", postgres, conversations);
  }

  private static BaselineTarget start(String name, EmbeddedPostgresServer postgres, int channels) {
    String database = SharedInfrastructure.uniqueName("baseline");
    postgres.createDatabaseIfAbsent(database);
    var store = MessageStore.connect(postgres, database, POOL_SIZE);
    UUID serverId = UUID.randomUUID();
    String token = UUID.randomUUID().toString();
    List<Sender> senders = new ArrayList<>();
    for (int i = 0; i < channels; i++) {
      UUID channelId = UUID.randomUUID();
      store.prepare(channelId).block(Duration.ofSeconds(30));
      senders.add(
          new Sender("/api/servers/%s/channels/%s/messages".formatted(serverId, channelId), token));
    }
    var broadcaster = new MessageBroadcaster();
    var routes = new MessageRoutes(store, broadcaster, token, serverId, UUID.randomUUID());
    return new BaselineTarget(
        name,
        store,
        broadcaster,
        BaselineServer.start(routes.routes()),
        token,
        List.copyOf(senders));
  }

  @Override
  public String name() {
    return name;
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
  public List<Sender> senders() {
    return senders;
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
