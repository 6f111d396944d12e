package io.ohkay.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ohkay.platform.infra.EmbeddedPostgresServer;
import io.ohkay.platform.infra.SharedInfrastructure;
import io.ohkay.schemas.id.ServerId;
import io.ohkay.schemas.placement.ServerCredentials;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Placement over PostgreSQL clusters, end to end: a platform on one cluster is restarted with a
 * second one; new servers spread over both, each database really on its cluster, every server (old
 * and new) still serves writes and reads, and the registry holds each server's password only
 * sealed.
 */
class PlacementIT {

  private static final String NAMESPACE = SharedInfrastructure.uniqueName("plc");
  private static final String REGISTRY = NAMESPACE + "_server_registry";

  @TempDir Path dataDir;
  @TempDir Path secondDir;

  private @Nullable ConfigurableApplicationContext platform;
  private @Nullable EmbeddedPostgresServer second;

  record Placed(Api.Server server, String cluster) {}

  @AfterEach
  void stop() {
    if (platform != null) {
      platform.close();
    }
    if (second != null) {
      second.close();
    }
  }

  @Test
  void shouldSpreadNewServersOverBothClustersAndKeepEveryServerWorkingWhenAClusterIsAdded()
      throws Exception {
    var secondStart =
        CompletableFuture.supplyAsync(() -> EmbeddedPostgresServer.start(secondDir, 0));
    var api = start(List.of());
    var ada = api.signup("ada-" + UUID.randomUUID() + "@example.com");
    var first = create(api, ada, "First");
    assertThat(first.cluster()).isEqualTo("main");
    readBack(api, ada, first.server(), "before the second cluster");
    platform.close();

    second = secondStart.join();
    api = start(mainAndSecond(second));
    var placed = new ArrayList<Placed>();
    for (int i = 0; i < 4; i++) {
      placed.add(create(api, ada, "New " + i));
    }

    assertThat(placed)
        .extracting(Placed::cluster)
        .as("the emptier cluster each time, the first configured on a tie")
        .containsExactly("second", "main", "second", "main");
    placed.addFirst(first);
    for (var server : placed) {
      assertDatabaseOnlyOn(server);
      readBack(api, ada, server.server(), "after the restart");
    }
    assertPasswordsOnlySealed(placed);
  }

  private Api start(List<String> clusters) {
    var args = new ArrayList<String>();
    var settings = PlatformTestSupport.settings(NAMESPACE, dataDir.toString());
    settings.forEach((key, value) -> args.add("--" + key + "=" + value));
    args.addAll(clusters);
    platform =
        new SpringApplicationBuilder(PlatformApplication.class).run(args.toArray(String[]::new));
    var port = platform.getEnvironment().getProperty("local.server.port");
    return new Api(
        WebTestClient.bindToServer()
            .baseUrl("http://127.0.0.1:" + port)
            .responseTimeout(Duration.ofSeconds(20))
            .build());
  }

  /** The shared cluster list: the shared PostgreSQL as {@code main}, then {@code second}. */
  private List<String> mainAndSecond(EmbeddedPostgresServer secondCluster) {
    var main = SharedInfrastructure.get().postgres();
    var args = new ArrayList<String>();
    args.addAll(cluster(0, "main", main.host(), main.port()));
    args.addAll(cluster(1, "second", secondCluster.host(), secondCluster.port()));
    return args;
  }

  private static List<String> cluster(int index, String name, String host, int port) {
    var prefix = "--ohkay.postgres.clusters[" + index + "].";
    return List.of(prefix + "name=" + name, prefix + "host=" + host, prefix + "port=" + port);
  }

  /** Creates a server, answered with its cluster, and waits until the registry has placed it. */
  private Placed create(Api api, Api.User owner, String name) throws SQLException {
    var body =
        Api.json(
            api.http()
                .post()
                .uri("/api/servers")
                .header(HttpHeaders.AUTHORIZATION, owner.bearer())
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", name))
                .exchange()
                .expectStatus()
                .isCreated());
    var server =
        new Api.Server(
            UUID.fromString(body.get("id").asString()),
            UUID.fromString(body.get("channels").get(0).get("id").asString()));
    var cluster = body.get("cluster").asString();
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(() -> assertThat(registryCluster(server.id())).isEqualTo(cluster));
    return new Placed(server, cluster);
  }

  private static void readBack(Api api, Api.User author, Api.Server server, String content) {
    var position =
        api.post(author, server, content)
            .expectStatus()
            .isCreated()
            .expectBody(String.class)
            .returnResult()
            .getResponseHeaders()
            .getFirst("X-Ohkay-Position");
    assertThat(position).isNotNull();
    var page = api.readAfter(author, server, position);
    var contents = new ArrayList<String>();
    page.get("messages").forEach(message -> contents.add(message.get("content").asString()));
    assertThat(contents).as("history of " + server.id()).contains(content);
  }

  private @Nullable String registryCluster(UUID server) throws SQLException {
    try (var connection = SharedInfrastructure.get().postgres().connect(REGISTRY);
        var statement = connection.prepareStatement("select cluster from servers where id = ?")) {
      statement.setObject(1, server);
      try (var rows = statement.executeQuery()) {
        return rows.next() ? rows.getString(1) : null;
      }
    }
  }

  private void assertDatabaseOnlyOn(Placed placed) throws SQLException {
    var database = registryRow(placed.server().id()).get("database_name");
    var main = SharedInfrastructure.get().postgres();
    assertThat(databaseExists(main, database))
        .as(database + " on main")
        .isEqualTo(placed.cluster().equals("main"));
    assertThat(databaseExists(second, database))
        .as(database + " on second")
        .isEqualTo(placed.cluster().equals("second"));
  }

  private static boolean databaseExists(EmbeddedPostgresServer postgres, String database)
      throws SQLException {
    try (var connection = postgres.connect("postgres");
        var statement =
            connection.prepareStatement("select 1 from pg_database where datname = ?")) {
      statement.setString(1, database);
      try (var rows = statement.executeQuery()) {
        return rows.next();
      }
    }
  }

  /**
   * No column of any row anywhere in the namespace (registry first) holds a server's password in
   * clear, and each row's sealed credentials open to exactly it.
   */
  private void assertPasswordsOnlySealed(List<Placed> placed) throws Exception {
    var credentials = ServerCredentials.loadOrGenerate(dataDir.resolve("keys/placement.key"));
    var passwords = new ArrayList<String>();
    for (var server : placed) {
      var id = new ServerId(server.server().id());
      var password = credentials.passwordOf(id);
      passwords.add(password);
      var row = registryRow(id.value());
      var boundTo =
          ServerCredentials.boundTo(
              id, row.get("cluster"), row.get("database_name"), row.get("db_role"));
      assertThat(credentials.open(row.get("db_credentials"), boundTo)).isEqualTo(password);
    }
    var scan = SecretScan.find(NAMESPACE, passwords);
    assertThat(scan.rows()).isPositive();
    assertThat(scan.found()).as("places holding a password in clear").isEmpty();
  }

  private static Map<String, String> registryRow(UUID server) throws SQLException {
    try (var connection = SharedInfrastructure.get().postgres().connect(REGISTRY);
        var statement =
            connection.prepareStatement(
                "select cluster, database_name, db_role, db_credentials from servers where id = ?")) {
      statement.setObject(1, server);
      try (var rows = statement.executeQuery()) {
        assertThat(rows.next()).as("registry row of " + server).isTrue();
        var row = new LinkedHashMap<String, String>();
        for (var column : List.of("cluster", "database_name", "db_role", "db_credentials")) {
          row.put(column, rows.getString(column));
        }
        return row;
      }
    }
  }
}
