package io.ohkay.bench.system;

import io.ohkay.bench.target.HistoryTarget;
import io.ohkay.bench.target.Sender;
import io.ohkay.bench.target.Target;
import io.ohkay.platform.infra.EmbeddedInfrastructure;
import io.ohkay.platform.infra.EmbeddedPostgresServer;
import io.ohkay.projector.projection.DatabaseNames;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The Ohkay platform as a benchmark target: the {@link SystemPlatform} with one signed-up user who
 * owns one server; messages go to, and history is read from, its {@code general} channel.
 */
public final class SystemTarget implements Target, HistoryTarget {

  private static final String POSITION = "X-Ohkay-Position";
  private static final String MIN_POSITION = "X-Ohkay-Min-Position";
  private static final String STALE = "X-Ohkay-Stale";
  private static final Duration PROJECTED_TIMEOUT = Duration.ofSeconds(60);
  private static final Duration PROJECTED_POLL = Duration.ofMillis(100);
  private static final String DATABASE_OF_SERVER = "SELECT database_name FROM servers WHERE id = ?";

  private final SystemPlatform platform;
  private final EmbeddedPostgresServer postgres;
  private final String bearerToken;
  private final UUID serverId;
  private final UUID channelId;
  private final String serverPosition;

  private SystemTarget(
      SystemPlatform platform,
      EmbeddedPostgresServer postgres,
      String bearerToken,
      UUID serverId,
      UUID channelId,
      String serverPosition) {
    this.platform = platform;
    this.postgres = postgres;
    this.bearerToken = bearerToken;
    this.serverId = serverId;
    this.channelId = channelId;
    this.serverPosition = serverPosition;
  }

  /** Starts the platform on {@code infrastructure} and prepares the user and server to measure. */
  public static SystemTarget start(EmbeddedInfrastructure infrastructure) {
    return start(infrastructure, List.of());
  }

  /** The same, the platform started with {@code properties} added (see {@link SystemPlatform}). */
  public static SystemTarget start(EmbeddedInfrastructure infrastructure, List<String> properties) {
    return TargetSetup.onPlatform(
        SystemPlatform.start(infrastructure, properties),
        platform -> prepare(platform, infrastructure.postgres()));
  }

  private static SystemTarget prepare(SystemPlatform platform, EmbeddedPostgresServer postgres) {
    var baseUrl = platform.baseUrl();
    var http = HttpClient.newHttpClient();
    var owner = PlatformCalls.signup(http, baseUrl, "Bench");
    var token = owner.token();
    var created =
        PlatformCalls.call(http, baseUrl.resolve("/api/servers"), token, Map.of("name", "Bench"));
    var server = PlatformCalls.read(created);
    return new SystemTarget(
        platform,
        postgres,
        token,
        UUID.fromString(server.get("id").asString()),
        UUID.fromString(server.get("channels").get(0).get("id").asString()),
        created.headers().firstValue(POSITION).orElse(""));
  }

  @Override
  public String name() {
    return "system";
  }

  @Override
  public URI baseUrl() {
    return platform.baseUrl();
  }

  @Override
  public String bearerToken() {
    return bearerToken;
  }

  /** The owner posting into the channel. */
  @Override
  public List<Sender> senders() {
    return List.of(new Sender(channelPath(), bearerToken));
  }

  @Override
  public String historyPath() {
    return channelPath();
  }

  private String channelPath() {
    return "/api/servers/%s/channels/%s/messages".formatted(serverId, channelId);
  }

  @Override
  public UUID channelId() {
    return channelId;
  }

  @Override
  public String streamPath() {
    return "/api/stream";
  }

  /**
   * Waits until the edge reads the server's channel (its database and registry row are projected),
   * then names the database as the registry records it.
   */
  @Override
  public String serverDatabase() {
    awaitProjected();
    var registry = new DatabaseNames(platform.databasePrefix()).registry();
    try (var connection = postgres.connect(registry);
        var select = connection.prepareStatement(DATABASE_OF_SERVER)) {
      select.setObject(1, serverId);
      try (var rows = select.executeQuery()) {
        if (!rows.next()) {
          throw new IllegalStateException("server " + serverId + " is not in " + registry);
        }
        return rows.getString(1);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the registry " + registry, e);
    }
  }

  private void awaitProjected() {
    var http = HttpClient.newHttpClient();
    var request =
        HttpRequest.newBuilder(baseUrl().resolve(historyPath() + "?limit=1"))
            .header("Authorization", "Bearer " + bearerToken)
            .header(MIN_POSITION, serverPosition)
            .GET()
            .build();
    long deadline = System.nanoTime() + PROJECTED_TIMEOUT.toNanos();
    @Nullable HttpResponse<byte[]> last = null;
    while (System.nanoTime() < deadline) {
      last = PlatformCalls.send(http, request);
      if (last.statusCode() == 200 && last.headers().firstValue(STALE).isEmpty()) {
        return;
      }
      try {
        Thread.sleep(PROJECTED_POLL);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    throw new IllegalStateException(
        "the server's history is not readable: "
            + (last == null ? "no answer" : last.statusCode() + " " + new String(last.body())));
  }

  @Override
  public void close() {
    platform.close();
  }
}
