package io.ohkay.projector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.ohkay.platform.infra.EmbeddedPostgresServer;
import io.ohkay.platform.infra.SharedInfrastructure;
import io.ohkay.projector.TestEvents.ServerHistory;
import io.ohkay.projector.rebuild.RebuildKind;
import io.ohkay.projector.rebuild.RebuildRequest;
import io.ohkay.projector.rebuild.Rebuilder;
import io.ohkay.schemas.event.ServerDeleted;
import io.ohkay.schemas.placement.ServerCredentials;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.health.contributor.Status;

/**
 * Server databases placed on two PostgreSQL clusters: {@code main}, the shared embedded server, and
 * {@code second}, a server of this class's own where every role but the admin must log in with its
 * password (SCRAM), so the roles' passwords are really checked. Each database and its owning role
 * live on their server's cluster; the registry keeps the passwords only sealed; rebuilds equal the
 * live databases on both clusters; a server on a cluster not configured stops the projector loudly
 * until the cluster is added; rows of servers projected on the old cluster {@code default} move to
 * {@code main} at the upgrade.
 */
class ProjectorClustersIT {

  private static final Duration PATIENCE = Duration.ofSeconds(60);

  @TempDir static Path secondDir;

  private static EmbeddedPostgresServer second;
  private static ProjectorTestEnvironment environment;
  private static Projector projector;
  private static ServerHistory onMain;
  private static ServerHistory onSecond;

  @BeforeAll
  static void placeServersOnTwoClusters() throws Exception {
    second = EmbeddedPostgresServer.start(secondDir, 0);
    requirePasswordsOfAllButTheAdmin(second);
    environment = ProjectorTestEnvironment.create();
    projector = new Projector(environment.properties(clusters("second")));
    projector.start();
    onMain = TestEvents.server(5, "main");
    onSecond = TestEvents.server(7, "second");
    environment.send(onMain.events());
    environment.send(onSecond.events());
    assertThat(projector.whenApplied(onMain.server(), onMain.lastSeq())).succeedsWithin(PATIENCE);
    assertThat(projector.whenApplied(onSecond.server(), onSecond.lastSeq()))
        .succeedsWithin(PATIENCE);
  }

  @AfterAll
  static void stopEverything() {
    if (projector != null) {
      projector.stop();
    }
    if (environment != null) {
      environment.close();
    }
    if (second != null) {
      second.close();
    }
  }

  @Test
  void shouldCreateEachDatabaseOwnedByItsRoleOnItsServersClusterWhenServersArePlacedOnTwo()
      throws Exception {
    var mainDatabase = environment.names().server(onMain.server());
    var secondDatabase = environment.names().server(onSecond.server());

    assertThat(exists(shared(), "pg_database", "datname", mainDatabase)).isTrue();
    assertThat(exists(shared(), "pg_roles", "rolname", mainDatabase)).isTrue();
    assertThat(exists(second, "pg_database", "datname", mainDatabase)).isFalse();
    assertThat(exists(second, "pg_roles", "rolname", mainDatabase)).isFalse();
    assertThat(exists(second, "pg_database", "datname", secondDatabase)).isTrue();
    assertThat(exists(second, "pg_roles", "rolname", secondDatabase)).isTrue();
    assertThat(exists(shared(), "pg_database", "datname", secondDatabase)).isFalse();
    assertThat(exists(shared(), "pg_roles", "rolname", secondDatabase)).isFalse();
    assertThat(query(shared(), mainDatabase, "SELECT count(*) FROM messages")).isEqualTo("5");
    assertThat(query(second, secondDatabase, "SELECT count(*) FROM messages")).isEqualTo("7");
    for (var placed :
        List.of(Map.entry(shared(), mainDatabase), Map.entry(second, secondDatabase))) {
      var postgres = placed.getKey();
      var database = placed.getValue();
      assertThat(
              query(
                  postgres,
                  "postgres",
                  "SELECT pg_get_userbyid(datdba) FROM pg_database WHERE datname = '"
                      + database
                      + "'"))
          .isEqualTo(database);
      assertThat(
              query(
                  postgres,
                  database,
                  "SELECT string_agg(DISTINCT tableowner, ',') FROM pg_tables"
                      + " WHERE schemaname = 'public'"))
          .isEqualTo(database);
      assertThat(
              query(
                  postgres,
                  "postgres",
                  "SELECT count(*) FROM pg_database, aclexplode(datacl) a WHERE datname = '"
                      + database
                      + "' AND a.grantee = 0 AND a.privilege_type = 'CONNECT'"))
          .as("CONNECT granted to PUBLIC")
          .isEqualTo("0");
    }
  }

  @Test
  void shouldLetOnlyTheRolesPasswordInWhenTheClusterChecksPasswords() throws Exception {
    var database = environment.names().server(onSecond.server());
    var password = environment.credentials().passwordOf(onSecond.server());

    try (var connection =
            DriverManager.getConnection(second.jdbcUrl(database), database, password);
        var statement = connection.createStatement();
        var rows = statement.executeQuery("SELECT count(*) FROM channels")) {
      rows.next();
      assertThat(rows.getLong(1)).isEqualTo(1);
    }
    assertThatThrownBy(
            () -> DriverManager.getConnection(second.jdbcUrl(database), database, "not" + password))
        .isInstanceOf(SQLException.class)
        .hasMessageContaining("password authentication failed");
  }

  @Test
  void shouldRecordPlacementsWithSealedPasswordsAndNoPlaintextWhenServersAreCreated()
      throws Exception {
    var registry = environment.names().registry();
    var credentials = environment.credentials();
    var passwords = new ArrayList<String>();
    for (var history : List.of(onMain, onSecond)) {
      var server = history.server();
      var database = environment.names().server(server);
      var cluster = history == onMain ? "main" : "second";
      assertThat(
              environment.queryString(
                  registry,
                  "SELECT cluster || ' ' || database_name || ' ' || db_role FROM servers"
                      + " WHERE id = '"
                      + server
                      + "'"))
          .isEqualTo(cluster + " " + database + " " + database);
      var sealed =
          environment.queryString(
              registry, "SELECT db_credentials FROM servers WHERE id = '" + server + "'");
      var password = credentials.passwordOf(server);
      assertThat(
              credentials.open(
                  sealed, ServerCredentials.boundTo(server, cluster, database, database)))
          .isEqualTo(password);
      passwords.add(password);
    }

    var everything = everyRowAsText(registry);
    assertThat(everything).contains(onSecond.server().toString());
    assertThat(passwords).allSatisfy(password -> assertThat(everything).doesNotContain(password));
  }

  @Test
  void shouldDropTheDatabaseAndItsRoleOnItsClusterWhenTheServerIsDeleted() throws Exception {
    var history = TestEvents.server(2, "second");
    var server = history.server();
    var database = environment.names().server(server);
    var deleted =
        TestEvents.event(
            server.value(), history.lastSeq() + 1, TestEvents.AT, new ServerDeleted(server));
    environment.send(history.events());
    assertThat(projector.whenApplied(server, history.lastSeq())).succeedsWithin(PATIENCE);
    assertThat(exists(second, "pg_database", "datname", database)).isTrue();

    environment.send(List.of(deleted));

    assertThat(projector.whenApplied(server, deleted.seq())).succeedsWithin(PATIENCE);
    await()
        .atMost(PATIENCE)
        .until(
            () ->
                !exists(second, "pg_database", "datname", database)
                    && !exists(second, "pg_roles", "rolname", database));
    assertThat(
            exists(second, "pg_database", "datname", environment.names().server(onSecond.server())))
        .isTrue();
  }

  @Test
  void shouldEqualTheLiveDatabasesWhenTheRegistryAndAServerOfEachClusterAreRebuilt()
      throws Exception {
    await()
        .atMost(PATIENCE)
        .until(() -> projector.caughtUpTo(environment.endOffsets(environment.serverTopic())));
    var rebuilder = rebuilder();
    var registryTarget = environment.prefix() + "rebuilt_registry";
    var registry = RebuildRequest.of(RebuildKind.REGISTRY, null, registryTarget);

    rebuilder.rebuild(registry);

    assertThat(rebuilder.verify(registry)).isEmpty();
    var credentials = environment.credentials();
    for (var history : List.of(onMain, onSecond)) {
      var where = "FROM servers WHERE id = '" + history.server() + "'";
      var select = "SELECT db_credentials " + where;
      var live = environment.queryString(environment.names().registry(), select);
      var rebuilt = environment.queryString(registryTarget, select);
      var boundTo =
          ServerCredentials.boundTo(
              history.server(),
              environment.queryString(registryTarget, "SELECT cluster " + where),
              environment.names().server(history.server()),
              environment.queryString(registryTarget, "SELECT db_role " + where));
      assertThat(rebuilt).isNotEqualTo(live);
      assertThat(credentials.open(rebuilt, boundTo))
          .isEqualTo(credentials.open(live, boundTo))
          .isEqualTo(credentials.passwordOf(history.server()));
    }
    environment.update(registryTarget, "UPDATE servers SET cluster = 'elsewhere'");
    assertThat(rebuilder.verify(registry)).anySatisfy(line -> assertThat(line).endsWith("differs"));

    assertServerRebuildEqualsLive(rebuilder, onMain, shared());
    assertServerRebuildEqualsLive(rebuilder, onSecond, second);
  }

  private static void assertServerRebuildEqualsLive(
      Rebuilder rebuilder, ServerHistory history, EmbeddedPostgresServer cluster) throws Exception {
    var target = environment.prefix() + "rebuilt_" + (cluster == second ? "second" : "main");
    var request = RebuildRequest.of(RebuildKind.SERVER, history.server(), target);

    rebuilder.rebuild(request);

    assertThat(exists(cluster, "pg_database", "datname", target)).isTrue();
    assertThat(exists(cluster == second ? shared() : second, "pg_database", "datname", target))
        .isFalse();
    assertThat(rebuilder.verify(request)).isEmpty();
    try (var connection = cluster.connect(target);
        var statement = connection.createStatement()) {
      statement.executeUpdate("UPDATE messages SET content = 'tampered' WHERE seq = 4");
    }
    assertThat(rebuilder.verify(request)).anySatisfy(line -> assertThat(line).endsWith("differs"));
  }

  /**
   * A server projected before V4: its row has no sealed credentials, its database and tables are
   * the admin's, it has no role. The next start seals its credentials; the next write hands the
   * database over to a new role, which then writes it.
   */
  @Test
  void shouldSealCredentialsAndHandTheDatabaseOverWhenAServerPredatesThem() throws Exception {
    var history = TestEvents.server(1, "second");
    var server = history.server();
    var database = environment.names().server(server);
    var registry = environment.names().registry();
    environment.send(history.events());
    assertThat(projector.whenApplied(server, history.lastSeq())).succeedsWithin(PATIENCE);
    projector.stop();
    environment.update(
        registry, "UPDATE servers SET db_credentials = NULL WHERE id = '" + server + "'");
    try (var connection = second.connect(database);
        var statement = connection.createStatement()) {
      statement.execute("REASSIGN OWNED BY \"" + database + "\" TO postgres");
      statement.execute("DROP OWNED BY \"" + database + "\"");
    }
    try (var connection = second.connect("postgres");
        var statement = connection.createStatement()) {
      statement.execute("DROP ROLE \"" + database + "\"");
    }
    assertThat(exists(second, "pg_roles", "rolname", database)).isFalse();

    projector = new Projector(environment.properties(clusters("second")));
    projector.start();

    var sealed =
        environment.queryString(
            registry, "SELECT db_credentials FROM servers WHERE id = '" + server + "'");
    assertThat(
            environment
                .credentials()
                .open(sealed, ServerCredentials.boundTo(server, "second", database, database)))
        .isEqualTo(environment.credentials().passwordOf(server));
    var next =
        TestEvents.messagePosted(
            server,
            history.lastSeq() + 1,
            history.channel(),
            history.owner(),
            "after",
            TestEvents.AT);
    environment.send(List.of(next));
    assertThat(projector.whenApplied(server, next.seq())).succeedsWithin(PATIENCE);
    assertThat(query(second, database, "SELECT count(*) FROM messages")).isEqualTo("2");
    assertThat(
            query(
                second,
                database,
                "SELECT string_agg(DISTINCT tableowner, ',') FROM pg_tables"
                    + " WHERE schemaname = 'public'"))
        .isEqualTo(database);
    assertThat(
            query(
                second,
                "postgres",
                "SELECT pg_get_userbyid(datdba) FROM pg_database WHERE datname = '"
                    + database
                    + "'"))
        .isEqualTo(database);
  }

  /**
   * Servers projected before placement was recorded: their rows name cluster {@code default}, the
   * one cluster there was, now {@code main}; V4 left their credentials unsealed, and the projector
   * then sealed them bound to {@code default}. The registry as such an install left it (V5 not
   * applied yet) is moved to {@code main} by V5 and sealed for it at the next start, and both
   * servers are written again.
   */
  @Test
  void shouldMoveServersToMainAndSealThemForItWhenTheirRowsNameTheOldDefaultCluster()
      throws Exception {
    try (var legacy = ProjectorTestEnvironment.create()) {
      var sealedForDefault = TestEvents.server(1, "main");
      var unsealed = TestEvents.server(1, "main");
      var before = new Projector(legacy.properties());
      before.start();
      try {
        legacy.send(sealedForDefault.events());
        legacy.send(unsealed.events());
        for (var history : List.of(sealedForDefault, unsealed)) {
          assertThat(before.whenApplied(history.server(), history.lastSeq()))
              .succeedsWithin(PATIENCE);
        }
      } finally {
        before.stop();
      }
      var registry = legacy.names().registry();
      var credentials = legacy.credentials();
      var server = sealedForDefault.server();
      var database = legacy.names().server(server);
      var boundToDefault = ServerCredentials.boundTo(server, "default", database, database);
      legacy.update(
          registry,
          "UPDATE servers SET cluster = 'default', db_credentials = '"
              + credentials.seal(credentials.passwordOf(server), boundToDefault)
              + "' WHERE id = '"
              + server
              + "'");
      legacy.update(
          registry,
          "UPDATE servers SET cluster = 'default', db_credentials = NULL WHERE id = '"
              + unsealed.server()
              + "'");
      legacy.update(registry, "DELETE FROM flyway_registry_history WHERE version = '5'");

      var after = new Projector(legacy.properties());
      after.start();
      try {
        for (var history : List.of(sealedForDefault, unsealed)) {
          assertOpenableOnMainAndWrittenAgain(legacy, after, history);
        }
      } finally {
        after.stop();
      }
    }
  }

  private static void assertOpenableOnMainAndWrittenAgain(
      ProjectorTestEnvironment legacy, Projector projector, ServerHistory history)
      throws Exception {
    var server = history.server();
    var database = legacy.names().server(server);
    var where = " FROM servers WHERE id = '" + server + "'";
    var registry = legacy.names().registry();
    assertThat(legacy.queryString(registry, "SELECT cluster" + where)).isEqualTo("main");
    assertThat(
            legacy
                .credentials()
                .open(
                    legacy.queryString(registry, "SELECT db_credentials" + where),
                    ServerCredentials.boundTo(server, "main", database, database)))
        .isEqualTo(legacy.credentials().passwordOf(server));
    var next =
        TestEvents.messagePosted(
            server,
            history.lastSeq() + 1,
            history.channel(),
            history.owner(),
            "after the upgrade",
            TestEvents.AT);
    legacy.send(List.of(next));
    assertThat(projector.whenApplied(server, next.seq())).succeedsWithin(PATIENCE);
    assertThat(query(shared(), database, "SELECT count(*) FROM messages")).isEqualTo("2");
  }

  @Test
  void shouldFailLoudlyUntilTheClusterIsConfiguredWhenAServerIsPlacedOnAnUnknownOne()
      throws Exception {
    try (var isolated = ProjectorTestEnvironment.create()) {
      var lost = TestEvents.server(3, "third");
      var fine = TestEvents.server(1, "main");
      var unaware = new Projector(isolated.properties(List.of(isolated.sharedCluster("main"))));
      unaware.start();
      try {
        isolated.send(lost.events());
        isolated.send(fine.events());
        await()
            .atMost(PATIENCE)
            .untilAsserted(
                () ->
                    assertThat(unaware.consumers())
                        .filteredOn(c -> c.name().equals("server"))
                        .singleElement()
                        .satisfies(
                            c -> {
                              assertThat(c.failing()).isTrue();
                              assertThat(c.lastError()).contains("cluster 'third'");
                            }));
        var health = new ProjectorHealthIndicator(unaware).health();
        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
        assertThat(health.getDetails().get("server").toString()).contains("cluster 'third'");
        assertThat(unaware.appliedSeq(lost.server())).isZero();
      } finally {
        unaware.stop();
      }
      var database = isolated.names().server(lost.server());
      assertThat(exists(second, "pg_database", "datname", database)).isFalse();

      var aware =
          new Projector(
              isolated.properties(List.of(isolated.sharedCluster("main"), secondCluster("third"))));
      aware.start();
      try {
        assertThat(aware.whenApplied(lost.server(), lost.lastSeq())).succeedsWithin(PATIENCE);
        assertThat(aware.whenApplied(fine.server(), fine.lastSeq())).succeedsWithin(PATIENCE);
      } finally {
        aware.stop();
      }
      assertThat(query(second, database, "SELECT count(*) FROM messages")).isEqualTo("3");
      assertThat(
              isolated.queryString(
                  isolated.names().registry(),
                  "SELECT cluster FROM servers WHERE id = '" + lost.server() + "'"))
          .isEqualTo("third");
    }
  }

  /** Cluster main is the shared PostgreSQL, {@code name} this class's own. */
  private static List<ProjectorProperties.Cluster> clusters(String name) {
    return List.of(environment.sharedCluster("main"), secondCluster(name));
  }

  private static ProjectorProperties.Cluster secondCluster(String name) {
    return new ProjectorProperties.Cluster(
        name, second.host(), second.port(), second.username(), second.password());
  }

  private static Rebuilder rebuilder() {
    var properties = environment.properties(clusters("second"));
    return new Rebuilder(
        environment.bootstrapServers(),
        environment.prefix(),
        environment.names(),
        properties.postgres().endpoint(),
        properties.clusterEndpoints(),
        environment.credentials());
  }

  /** The admin keeps trust authentication; every other role must give its password. */
  private static void requirePasswordsOfAllButTheAdmin(EmbeddedPostgresServer postgres)
      throws Exception {
    var hba = postgres.dataDir().resolve("pgdata").resolve("pg_hba.conf");
    var rules =
        "host all postgres 127.0.0.1/32 trust\nhost all all 127.0.0.1/32 scram-sha-256\n"
            + Files.readString(hba, StandardCharsets.UTF_8);
    Files.writeString(hba, rules, StandardCharsets.UTF_8);
    query(postgres, "postgres", "SELECT pg_reload_conf()");
  }

  /** Every row of every table of {@code database}, as text. */
  private static String everyRowAsText(String database) throws Exception {
    var tables =
        environment
            .queryString(
                database,
                "SELECT string_agg(table_name, ',') FROM information_schema.tables"
                    + " WHERE table_schema = 'public'")
            .split(",");
    var text = new StringBuilder();
    for (var table : tables) {
      text.append(
              environment.queryString(
                  database,
                  "SELECT coalesce(string_agg(t::text, E'\\n'), '') FROM public.\""
                      + table
                      + "\" t"))
          .append('\n');
    }
    return text.toString();
  }

  private static EmbeddedPostgresServer shared() {
    return SharedInfrastructure.get().postgres();
  }

  private static boolean exists(
      EmbeddedPostgresServer postgres, String catalog, String column, String name)
      throws SQLException {
    return query(
            postgres,
            "postgres",
            "SELECT count(*) FROM " + catalog + " WHERE " + column + " = '" + name + "'")
        .equals("1");
  }

  private static String query(EmbeddedPostgresServer postgres, String database, String sql)
      throws SQLException {
    try (var connection = postgres.connect(database);
        var statement = connection.createStatement();
        var rows = statement.executeQuery(sql)) {
      rows.next();
      return String.valueOf(rows.getString(1));
    }
  }
}
