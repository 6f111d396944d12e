package io.ohkay.projector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ohkay.projector.TestEvents.ServerHistory;
import io.ohkay.projector.kafka.DeadLetters;
import io.ohkay.schemas.event.ServerDeleted;
import io.ohkay.schemas.id.UserId;
import io.ohkay.schemas.json.Json;
import io.ohkay.schemas.placement.ServerCredentials;
import io.ohkay.schemas.topic.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ProjectorIT {

  private static final Duration PATIENCE = Duration.ofSeconds(60);

  private static ProjectorTestEnvironment environment;
  private Projector projector;

  @BeforeAll
  static void createEnvironment() throws Exception {
    environment = ProjectorTestEnvironment.create();
  }

  @AfterAll
  static void closeEnvironment() {
    environment.close();
  }

  @BeforeEach
  void startProjector() {
    projector = new Projector(environment.properties());
    projector.start();
  }

  @AfterEach
  void stopProjector() {
    projector.stop();
  }

  @Test
  void shouldWriteRowsIntoEveryDatabaseWhenEventsArePublished() throws Exception {
    var ada = new UserId(UUID.randomUUID());
    var bob = new UserId(UUID.randomUUID());
    var history = TestEvents.server(10);
    var joined = TestEvents.memberJoined(history.server(), history.lastSeq() + 1, bob);
    environment.send(
        List.of(
            TestEvents.userRegistered(ada, ada + "@example.com", "Ada"),
            TestEvents.userRegistered(bob, bob + "@example.com", "Bob")));
    environment.send(history.events());
    environment.send(List.of(joined));

    assertThat(projector.whenApplied(history.server(), joined.seq()))
        .succeedsWithin(PATIENCE)
        .isEqualTo(joined.seq());
    assertThat(projector.whenApplied(bob, 1)).succeedsWithin(PATIENCE);

    var auth = environment.names().auth();
    assertThat(environment.queryString(auth, "SELECT email FROM users WHERE id = '" + ada + "'"))
        .isEqualTo(ada + "@example.com");
    assertThat(
            environment.queryString(
                auth, "SELECT display_name FROM user_profiles WHERE user_id = '" + bob + "'"))
        .isEqualTo("Bob");
    var registry = environment.names().registry();
    var serverDatabase = environment.names().server(history.server());
    assertThat(
            environment.queryString(
                registry,
                "SELECT cluster || ' ' || database_name FROM servers WHERE id = '"
                    + history.server()
                    + "'"))
        .isEqualTo("main " + serverDatabase);
    assertThat(count(registry, "server_members WHERE server_id = '" + history.server() + "'"))
        .isEqualTo(2);
    assertThat(
            environment.queryLong(
                registry,
                "SELECT messages FROM server_stats WHERE server_id = '" + history.server() + "'"))
        .isEqualTo(10);
    assertThat(count(serverDatabase, "channels")).isEqualTo(1);
    assertThat(count(serverDatabase, "messages WHERE kind = 'USER'")).isEqualTo(10);
    assertThat(
            environment.queryString(
                serverDatabase,
                "SELECT system_type || ' ' || author_id || ' ' || seq FROM messages"
                    + " WHERE kind = 'SYSTEM'"))
        .isEqualTo("JOINED " + bob + " " + joined.seq());
    assertThat(
            environment.queryLong(
                registry, "SELECT member_count FROM servers WHERE id = '" + history.server() + "'"))
        .isEqualTo(2);
    assertThat(
            environment.queryString(serverDatabase, "SELECT content FROM messages WHERE seq = 4"))
        .isEqualTo("message 0");
    assertThat(environment.queryLong(serverDatabase, "SELECT seq FROM aggregate_versions"))
        .isEqualTo(joined.seq());
    assertThat(projector.appliedSeq(history.server())).isEqualTo(joined.seq());
    await()
        .atMost(PATIENCE)
        .until(() -> projector.caughtUpTo(environment.endOffsets(environment.serverTopic())));
  }

  @Test
  void shouldChangeNothingWhenEventsAreRedelivered() throws Exception {
    var history = TestEvents.server(20);
    var user = new UserId(UUID.randomUUID());
    var registered = TestEvents.userRegistered(user, user + "@example.com", "Cy");
    environment.send(history.events());
    environment.send(List.of(registered));
    assertThat(projector.whenApplied(history.server(), history.lastSeq())).succeedsWithin(PATIENCE);
    assertThat(projector.whenApplied(user, 1)).succeedsWithin(PATIENCE);
    var before = fingerprint(history);

    // The same facts published again (new records), and every partition replayed from offset 0.
    environment.send(history.events());
    environment.send(List.of(registered));
    projector.stop();
    environment.update(
        environment.names().registry(), "UPDATE projection_offsets SET \"offset\" = 0");
    environment.update(environment.names().auth(), "UPDATE projection_offsets SET \"offset\" = 0");
    projector.start();

    awaitCaughtUp();
    assertThat(projector.consumers()).allSatisfy(c -> assertThat(c.failing()).isFalse());
    assertThat(fingerprint(history)).isEqualTo(before);
  }

  @Test
  void shouldApplyRegistryOnceWhenServerDatabaseCommittedAndRegistryDidNot() throws Exception {
    var history = TestEvents.server(30);
    environment.send(history.events());
    assertThat(projector.whenApplied(history.server(), history.lastSeq())).succeedsWithin(PATIENCE);
    var before = fingerprint(history);

    // The state a crash between the server database's commit and the registry's leaves behind.
    projector.stop();
    var registry = environment.names().registry();
    environment.update(registry, "DELETE FROM servers WHERE id = '" + history.server() + "'");
    environment.update(
        registry, "DELETE FROM aggregate_versions WHERE aggregate_id = '" + history.server() + "'");
    environment.update(registry, "UPDATE projection_offsets SET \"offset\" = 0");
    assertThat(fingerprint(history)).isNotEqualTo(before);
    projector.start();

    awaitCaughtUp();
    assertThat(fingerprint(history)).isEqualTo(before);
  }

  @Test
  void shouldDropTheServerDatabaseAndNeverCreateItAgainWhenServerDeleted() throws Exception {
    var history = TestEvents.server(2);
    var server = history.server();
    var deleted =
        TestEvents.event(
            server.value(), history.lastSeq() + 1, TestEvents.AT, new ServerDeleted(server));
    var late =
        TestEvents.messagePosted(
            server,
            history.lastSeq() + 2,
            history.channel(),
            history.owner(),
            "late",
            TestEvents.AT);
    var database = environment.names().server(server);
    environment.send(history.events());
    assertThat(projector.whenApplied(server, history.lastSeq())).succeedsWithin(PATIENCE);
    assertThat(environment.databaseExists(database)).isTrue();

    environment.send(List.of(deleted, late));

    assertThat(projector.whenApplied(server, late.seq())).succeedsWithin(PATIENCE);
    await().atMost(PATIENCE).until(() -> !environment.databaseExists(database));
    assertThat(
            environment.queryString(
                environment.names().registry(),
                "SELECT database_state || ' ' || (deleted_at IS NOT NULL) FROM servers"
                    + " WHERE id = '"
                    + server
                    + "'"))
        .isEqualTo("DROPPED true");
    projector.stop();
    environment.update("postgres", "CREATE DATABASE " + database);
    projector = new Projector(environment.properties());
    projector.start();
    assertThat(environment.databaseExists(database)).isFalse();
  }

  @Test
  void shouldDeadLetterPoisonRecordsAndProjectTheFollowingEventsWhenRecordsCannotBeDecoded()
      throws Exception {
    var history = TestEvents.server(4);
    var key = history.server().toString();
    environment.send(history.events().subList(0, 4));
    environment.sendRaw(environment.serverTopic(), key, "{not json");
    var unknownType =
        new String(Json.write(history.events().get(3)), StandardCharsets.UTF_8)
            .replace("message.posted.v1", "server.exploded.v1");
    environment.sendRaw(environment.serverTopic(), key, unknownType);
    environment.send(history.events().subList(4, history.events().size()));

    assertThat(projector.whenApplied(history.server(), history.lastSeq())).succeedsWithin(PATIENCE);
    assertThat(count(environment.names().server(history.server()), "messages")).isEqualTo(4);
    var deadLetters = readDeadLetters(key, 2);
    assertThat(deadLetters).hasSize(2);
    assertThat(deadLetters.get(0).value()).asString(StandardCharsets.UTF_8).isEqualTo("{not json");
    assertThat(deadLetters.get(1).value())
        .asString(StandardCharsets.UTF_8)
        .contains("server.exploded.v1");
    var first = deadLetters.getFirst();
    assertThat(header(first, DeadLetters.ORIGINAL_TOPIC)).isEqualTo(environment.serverTopic());
    assertThat(Long.parseLong(header(first, DeadLetters.ORIGINAL_OFFSET))).isNotNegative();
    assertThat(header(first, DeadLetters.ORIGINAL_PARTITION))
        .isEqualTo(Integer.toString(first.partition()));
    assertThat(header(first, DeadLetters.EXCEPTION_CLASS)).isNotBlank();
    assertThat(header(deadLetters.get(1), DeadLetters.EXCEPTION_MESSAGE))
        .contains("server.exploded.v1");
    assertThat(projector.consumers())
        .filteredOn(c -> c.name().equals("server"))
        .singleElement()
        .satisfies(c -> assertThat(c.deadLettered()).isGreaterThanOrEqualTo(2));
  }

  @Test
  void shouldRetryTheSameBatchWithoutSkippingWhenDatabaseConnectionIsLost() throws Exception {
    var history = TestEvents.server(15);
    environment.send(history.events().subList(0, 8));
    assertThat(projector.whenApplied(history.server(), 8)).succeedsWithin(PATIENCE);
    var serverDatabase = environment.names().server(history.server());

    refuseConnections(serverDatabase, true);
    try {
      environment.send(history.events().subList(8, history.events().size()));
      await()
          .atMost(PATIENCE)
          .until(
              () ->
                  projector.consumers().stream()
                      .anyMatch(c -> c.name().equals("server") && c.failing()));
      assertThat(projector.appliedSeq(history.server())).isEqualTo(8);
    } finally {
      refuseConnections(serverDatabase, false);
    }

    assertThat(projector.whenApplied(history.server(), history.lastSeq())).succeedsWithin(PATIENCE);
    assertThat(count(serverDatabase, "messages")).isEqualTo(15);
    assertThat(
            environment.queryLong(
                environment.names().registry(),
                "SELECT messages FROM server_stats WHERE server_id = '" + history.server() + "'"))
        .isEqualTo(15);
    assertThat(projector.consumers())
        .filteredOn(c -> c.name().equals("server"))
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.failing()).isFalse();
              assertThat(c.lastError()).contains("PSQLException");
            });
  }

  /** Cuts the projector off a database (closing its connections) or lets it back in. */
  private void refuseConnections(String database, boolean refuse) throws Exception {
    environment.update("postgres", "ALTER DATABASE " + database + " ALLOW_CONNECTIONS " + !refuse);
    if (refuse) {
      environment.queryLong(
          "postgres",
          "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = '"
              + database
              + "'");
    }
  }

  private void awaitCaughtUp() {
    await()
        .atMost(PATIENCE)
        .pollInterval(50, TimeUnit.MILLISECONDS)
        .until(
            () -> {
              var ends = new HashMap<>(environment.endOffsets(environment.serverTopic()));
              ends.putAll(environment.endOffsets(environment.authTopic()));
              return projector.caughtUpTo(ends);
            });
  }

  /** Every row of the tables a server's and a user's events touch, as text, in key order. */
  private List<String> fingerprint(ServerHistory history) throws Exception {
    var registry = environment.names().registry();
    var server = environment.names().server(history.server());
    var id = "'" + history.server() + "'";
    var rows = new ArrayList<String>();
    // Sealing is randomized: a row written again seals the same password into other text.
    rows.add(
        rowsOf(
            registry,
            "SELECT (to_jsonb(s) - 'db_credentials')::text FROM servers s WHERE id = " + id));
    var sealed = rowsOf(registry, "SELECT db_credentials FROM servers WHERE id = " + id);
    rows.add(
        sealed.isEmpty()
            ? "no credentials"
            : environment
                .credentials()
                .open(sealed, ServerCredentials.boundTo(history.server(), "main", server, server)));
    rows.add(
        rowsOf(
            registry,
            "SELECT m::text FROM server_members m WHERE server_id = " + id + " ORDER BY user_id"));
    rows.add(
        rowsOf(
            registry,
            "SELECT s::text FROM server_stats s WHERE server_id = " + id + " ORDER BY day"));
    rows.add(
        rowsOf(registry, "SELECT v::text FROM aggregate_versions v WHERE aggregate_id = " + id));
    rows.add(rowsOf(server, "SELECT c::text FROM channels c ORDER BY id"));
    rows.add(rowsOf(server, "SELECT m::text FROM messages m ORDER BY seq"));
    rows.add(rowsOf(server, "SELECT v::text FROM aggregate_versions v"));
    rows.add(rowsOf(environment.names().auth(), "SELECT count(*)::text || ' users' FROM users"));
    return rows;
  }

  private String rowsOf(String database, String select) throws Exception {
    return environment.queryString(
        database, "SELECT coalesce(string_agg(r, E'\\n'), '') FROM (" + select + ") AS q(r)");
  }

  private long count(String database, String from) throws Exception {
    return environment.queryLong(database, "SELECT count(*) FROM " + from);
  }

  private List<ConsumerRecord<String, byte[]>> readDeadLetters(String key, int expected) {
    var topic = Topics.SERVER_EVENTS.deadLetterIn(environment.prefix());
    var found = new ArrayList<ConsumerRecord<String, byte[]>>();
    try (var consumer =
        new KafkaConsumer<>(
            Map.<String, Object>of(
                "bootstrap.servers",
                environment.bootstrapServers(),
                "group.id",
                environment.prefix() + "dlq-reader-" + UUID.randomUUID(),
                "auto.offset.reset",
                "earliest"),
            new StringDeserializer(),
            new ByteArrayDeserializer())) {
      consumer.subscribe(List.of(topic));
      await()
          .atMost(PATIENCE)
          .until(
              () -> {
                consumer
                    .poll(Duration.ofMillis(200))
                    .forEach(
                        r -> {
                          if (key.equals(r.key())) {
                            found.add(r);
                          }
                        });
                return found.size() >= expected;
              });
    }
    found.sort(
        Comparator.comparingLong(r -> Long.parseLong(header(r, DeadLetters.ORIGINAL_OFFSET))));
    return found;
  }

  private static String header(ConsumerRecord<String, byte[]> record, String name) {
    return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
  }
}
