package io.ohkay.edge.presence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ohkay.edge.EdgeIntegrationTest;
import io.ohkay.edge.EdgeTestEnvironment;
import io.ohkay.edge.SseConnection;
import io.ohkay.edge.server.ServerDirectory;
import io.ohkay.platform.infra.SharedInfrastructure;
import io.ohkay.schemas.id.UserId;
import io.ohkay.schemas.json.Json;
import io.ohkay.schemas.permission.OverwriteTarget;
import io.ohkay.schemas.permission.Permission;
import io.ohkay.schemas.signal.Presence;
import io.ohkay.schemas.signal.Signal;
import io.ohkay.schemas.signal.Typing;
import io.ohkay.schemas.topic.Topics;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The presence and typing routes on the real broker and PostgreSQL: who may signal typing where,
 * the rate limit, the idle flag end to end, and a presence query that never reveals strangers.
 */
@EdgeIntegrationTest(properties = "ohkay.edge.presence-interval=300ms")
class PresenceRoutesIT {

  @RegisterExtension
  static final EdgeTestEnvironment ENV = EdgeTestEnvironment.create("presroutes");

  private static final Duration WAIT = Duration.ofSeconds(20);
  private static final UUID ALICE = UUID.randomUUID();
  private static final UUID BOB = UUID.randomUUID();
  private static final UUID CAROL = UUID.randomUUID();
  private static final UUID DAVE = UUID.randomUUID();
  private static final UUID EVE = UUID.randomUUID();
  private static final UUID SERVER = ENV.createServer("Rust fans", ALICE);
  private static final UUID GENERAL = ENV.addChannel(SERVER, "general", 0);
  private static final UUID HIDDEN = ENV.addChannel(SERVER, "staff", 1);
  private static final UUID WITH_CAROL = ENV.openConversation(ALICE, CAROL, Instant.now());

  static {
    ENV.addMember(SERVER, BOB);
    ENV.addMember(SERVER, EVE);
    ENV.setOverwrite(
        SERVER, HIDDEN, OverwriteTarget.ROLE, SERVER, List.of(), List.of(Permission.VIEW_CHANNEL));
  }

  @LocalServerPort int port;
  @Autowired PresenceQueries queries;
  @Autowired ServerDirectory directory;
  private final HttpClient http =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final List<Signal> signals = new ArrayList<>();
  private KafkaConsumer<String, byte[]> consumer;

  @BeforeEach
  void subscribe() {
    consumer = ENV.readFromStart(Topics.EPHEMERAL);
  }

  @AfterEach
  void close() {
    consumer.close();
  }

  @Test
  void shouldReadTheServersAndPartnersOfEachUserInOneQueryWhenAskedForSeveral() {
    var owner = UUID.randomUUID();
    var member = UUID.randomUUID();
    var loner = UUID.randomUUID();
    var kept = ENV.createServer("Kept", owner);
    ENV.addMember(kept, member);
    var deleted = ENV.createServer("Deleted, rows kept", member);
    ENV.sql(
        ENV.registryDatabase(),
        "update servers set deleted_at = now(), database_state = 'DROPPED' where id = ?",
        deleted);
    // Each of them the lower id of one conversation and the higher of another.
    var low = new UUID(0, 1);
    var high = new UUID(-1, -1);
    ENV.openConversation(owner, member, Instant.now());
    ENV.openConversation(low, owner, Instant.now());
    ENV.openConversation(member, high, Instant.now());

    var servers =
        directory
            .serverIdsOfEach(List.of(new UserId(owner), new UserId(member), new UserId(loner)))
            .block(WAIT);
    var partners =
        queries
            .partnersOf(List.of(new UserId(owner), new UserId(member), new UserId(loner)))
            .block(WAIT);

    assertThat(servers).containsOnlyKeys(owner, member);
    assertThat(servers.get(owner)).containsExactly(kept);
    assertThat(servers.get(member)).containsExactly(kept);
    assertThat(partners).containsOnlyKeys(owner, member);
    assertThat(partners.get(owner)).containsExactlyInAnyOrder(member, low);
    assertThat(partners.get(member)).containsExactlyInAnyOrder(owner, high);
  }

  @Test
  void shouldPublishOneTypingSignalWhenAMemberTypesThreeTimesInAChannel() {
    for (int i = 0; i < 3; i++) {
      assertThat(send("POST", channelTyping(SERVER, GENERAL), BOB, null).statusCode())
          .isEqualTo(204);
    }
    assertThat(send("POST", channelTyping(SERVER, GENERAL), ALICE, null).statusCode())
        .isEqualTo(204);

    await()
        .atMost(WAIT)
        .pollInSameThread()
        .until(() -> typingOf(ALICE).size() == 1 && typingOf(BOB).size() == 1);
    await()
        .during(Duration.ofMillis(500))
        .atMost(WAIT)
        .pollInSameThread()
        .until(() -> typingOf(BOB).size() == 1);
    var typing = typingOf(BOB).getFirst();
    assertThat(typing.serverId().value()).isEqualTo(SERVER);
    assertThat(typing.channelId().value()).isEqualTo(GENERAL);
    assertThat(typing.at()).isBetween(Instant.now().minus(WAIT), Instant.now());
  }

  @Test
  void shouldAnswerNotFoundWhenTheCallerIsNoMemberOrCannotViewTheChannel() {
    assertProblem(
        send("POST", channelTyping(SERVER, GENERAL), DAVE, null), 404, "SERVER_NOT_FOUND");
    assertProblem(send("POST", channelTyping(SERVER, HIDDEN), BOB, null), 404, "CHANNEL_NOT_FOUND");
    assertProblem(
        send("POST", channelTyping(SERVER, UUID.randomUUID()), BOB, null),
        404,
        "CHANNEL_NOT_FOUND");
    assertProblem(send("POST", dmTyping(WITH_CAROL), BOB, null), 404, "CONVERSATION_NOT_FOUND");
    assertProblem(send("POST", channelTyping(SERVER, GENERAL), null, null), 401, "UNAUTHENTICATED");
    assertProblem(send("POST", "/api/dms/nope/typing", ALICE, null), 400, "INVALID_ID");
    await()
        .during(Duration.ofMillis(500))
        .atMost(WAIT)
        .pollInSameThread()
        .until(
            () ->
                typingOf(DAVE).isEmpty()
                    && typingOf(BOB).stream()
                        .allMatch(
                            typing ->
                                GENERAL.equals(
                                    typing.channelId() == null
                                        ? null
                                        : typing.channelId().value())));
  }

  @Test
  void shouldPublishATypingSignalKeyedByTheConversationWhenAParticipantTypes() {
    assertThat(send("POST", dmTyping(WITH_CAROL), CAROL, null).statusCode()).isEqualTo(204);

    await().atMost(WAIT).pollInSameThread().until(() -> typingOf(CAROL).size() == 1);
    assertThat(typingOf(CAROL).getFirst().conversationId().value()).isEqualTo(WITH_CAROL);
  }

  @Test
  void shouldShowSharedUsersStatusesAndOmitStrangersWhenQueried() {
    var now = Instant.now();
    signal(new Presence(new UserId(BOB), "edge-other", true, now, false));
    signal(new Presence(new UserId(CAROL), "edge-other", true, now, true));
    signal(new Presence(new UserId(DAVE), "edge-other", true, now, false));

    await()
        .atMost(WAIT)
        .untilAsserted(
            () ->
                assertThat(statuses(ALICE, ALICE, BOB, CAROL, DAVE))
                    .isEqualTo(
                        Map.of(
                            ALICE.toString(), "offline",
                            BOB.toString(), "online",
                            CAROL.toString(), "idle")));
    assertThat(statuses(DAVE, ALICE, BOB)).isEmpty();
    assertThat(statuses(DAVE, DAVE, CAROL)).isEqualTo(Map.of(DAVE.toString(), "online"));
  }

  @Test
  void shouldRefuseAQueryOfMoreThanAHundredIdsOrOfNone() {
    var many =
        IntStream.range(0, 101)
            .mapToObj(i -> UUID.randomUUID().toString())
            .collect(Collectors.joining(","));

    assertProblem(
        send("GET", "/api/presence?userIds=" + many, ALICE, null), 400, "VALIDATION_FAILED");
    assertProblem(send("GET", "/api/presence", ALICE, null), 400, "VALIDATION_FAILED");
  }

  @Test
  void shouldTurnIdleAndBackWhenTheStreamingUserSaysSo() {
    try (var stream = SseConnection.reading(port, ENV.tokens().valid(EVE))) {
      await().atMost(WAIT).until(() -> !stream.events("ready").isEmpty());
      await().atMost(WAIT).until(() -> "online".equals(statuses(ALICE, EVE).get(EVE.toString())));

      assertThat(send("PUT", "/api/presence", EVE, "{\"status\":\"idle\"}").statusCode())
          .isEqualTo(204);
      await().atMost(WAIT).until(() -> "idle".equals(statuses(ALICE, EVE).get(EVE.toString())));
      assertThat(send("PUT", "/api/presence", EVE, "{\"status\":\"online\"}").statusCode())
          .isEqualTo(204);
      await().atMost(WAIT).until(() -> "online".equals(statuses(ALICE, EVE).get(EVE.toString())));
    }
    assertProblem(
        send("PUT", "/api/presence", EVE, "{\"status\":\"away\"}"), 400, "VALIDATION_FAILED");
    assertProblem(send("PUT", "/api/presence", EVE, "{\"status\""), 400, "MALFORMED_JSON");
  }

  private Map<String, String> statuses(UUID caller, UUID... users) {
    var ids = java.util.Arrays.stream(users).map(UUID::toString).collect(Collectors.joining(","));
    var response = send("GET", "/api/presence?userIds=" + ids, caller, null);
    assertThat(response.statusCode()).isEqualTo(200);
    var json = Json.mapper().readTree(response.body());
    var statuses = new java.util.LinkedHashMap<String, String>();
    for (JsonNode entry : json) {
      statuses.put(entry.get("userId").asString(), entry.get("status").asString());
    }
    return statuses;
  }

  private HttpResponse<String> send(
      String method, String path, @Nullable UUID user, @Nullable String body) {
    var request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .timeout(Duration.ofSeconds(20))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body))
            .header("Content-Type", "application/json");
    if (user != null) {
      request.header("Authorization", "Bearer " + ENV.tokens().valid(user));
    }
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static void assertProblem(HttpResponse<String> response, int status, String code) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(Json.mapper().readTree(response.body()).get("code").asString()).isEqualTo(code);
  }

  private List<Typing> typingOf(UUID user) {
    consumer
        .poll(Duration.ofMillis(100))
        .forEach(record -> signals.add(Json.read(record.value(), Signal.class)));
    return signals.stream()
        .filter(Typing.class::isInstance)
        .map(Typing.class::cast)
        .filter(typing -> typing.userId().value().equals(user))
        .toList();
  }

  private static void signal(Signal signal) {
    try (var producer =
        new KafkaProducer<>(
            Map.<String, Object>of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                SharedInfrastructure.get().kafka().bootstrapServers()),
            new StringSerializer(),
            new ByteArraySerializer())) {
      producer.send(
          new ProducerRecord<>(ENV.topic(Topics.EPHEMERAL), signal.key(), Json.write(signal)));
    }
  }

  private static String channelTyping(UUID server, UUID channel) {
    return "/api/servers/" + server + "/channels/" + channel + "/typing";
  }

  private static String dmTyping(UUID conversation) {
    return "/api/dms/" + conversation + "/typing";
  }
}
