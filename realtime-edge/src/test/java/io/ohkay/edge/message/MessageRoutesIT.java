package io.ohkay.edge.message;

import static org.assertj.core.api.Assertions.assertThat;

import io.ohkay.edge.EdgeHttp;
import io.ohkay.edge.EdgeHttp.Reply;
import io.ohkay.edge.EdgeIntegrationTest;
import io.ohkay.edge.EdgeTestEnvironment;
import io.ohkay.edge.TestEdgeApplication;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import tools.jackson.databind.JsonNode;

/**
 * The query routes on real PostgreSQL: servers, channels, message pages, authorization, problem
 * answers and read-your-writes.
 */
@EdgeIntegrationTest(
    classes = {TestEdgeApplication.class, MessageRoutesIT.ForeignRoutes.class},
    properties = "ohkay.edge.read-your-writes-max-wait=1500ms")
class MessageRoutesIT {

  @RegisterExtension static final EdgeTestEnvironment ENV = EdgeTestEnvironment.create("msg");
  private static final UUID OWNER = UUID.randomUUID();
  private static final UUID MEMBER = UUID.randomUUID();
  private static final UUID OUTSIDER = UUID.randomUUID();
  private static final UUID SERVER = ENV.createServer("Guild", OWNER);
  private static final UUID FOREIGN_SERVER = ENV.createServer("Elsewhere", OUTSIDER);
  private static final UUID GENERAL;
  private static final UUID RANDOM;
  private static final UUID NEWS;
  private static final List<UUID> HISTORY = new ArrayList<>();
  private static final List<UUID> RANDOM_HISTORY = new ArrayList<>();
  private static final UUID DELETED;

  static {
    ENV.addMember(SERVER, MEMBER);
    NEWS = ENV.addChannel(SERVER, "news", 2);
    GENERAL = ENV.addChannel(SERVER, "general", 0);
    RANDOM = ENV.addChannel(SERVER, "random", 1);
    for (int i = 0; i < 7; i++) {
      HISTORY.add(ENV.addMessage(SERVER, GENERAL, OWNER, "general " + i, 10 + 2L * i));
      RANDOM_HISTORY.add(ENV.addMessage(SERVER, RANDOM, MEMBER, "random " + i, 11 + 2L * i));
    }
    DELETED = ENV.addMessage(SERVER, RANDOM, OWNER, "deleted", 30);
    ENV.sql(
        ENV.databaseOf(SERVER),
        "update messages set deleted_at = now(), content = null where id = ?",
        DELETED);
    ENV.sql(
        ENV.databaseOf(SERVER),
        "update messages set edited_at = '2030-01-02T03:04:05Z' where id = ?",
        HISTORY.get(3));
  }

  @LocalServerPort int port;
  private EdgeHttp http;

  @BeforeEach
  void client() {
    http = new EdgeHttp(port);
  }

  private String messages(UUID channel) {
    return "/api/servers/" + SERVER + "/channels/" + channel + "/messages";
  }

  private Reply asOwner(String path, String... headers) {
    return http.get(path, ENV.tokens().valid(OWNER), headers);
  }

  private static List<UUID> ids(Reply reply) {
    var ids = new ArrayList<UUID>();
    reply.json().get("messages").forEach(m -> ids.add(UUID.fromString(m.get("id").stringValue())));
    return ids;
  }

  private static List<UUID> history(int... indexes) {
    var ids = new ArrayList<UUID>();
    for (var index : indexes) {
      ids.add(HISTORY.get(index));
    }
    return ids;
  }

  @Test
  void shouldServeNewestFirstWithHasMoreWhenLimitIsBelowHistory() {
    var reply = asOwner(messages(GENERAL) + "?limit=3");

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.contentType()).startsWith("application/json");
    assertThat(ids(reply)).containsExactlyElementsOf(history(6, 5, 4));
    assertThat(reply.json().get("hasMore").booleanValue()).isTrue();
  }

  @Test
  void shouldServeWholeChannelWhenDefaultLimit() {
    var reply = http.get(messages(GENERAL), ENV.tokens().valid(MEMBER));

    assertThat(ids(reply)).containsExactlyElementsOf(history(6, 5, 4, 3, 2, 1, 0));
    assertThat(reply.json().get("hasMore").booleanValue()).isFalse();
  }

  @Test
  void shouldServeDeletedMessagesAsTombstonesWithoutContentWhenPaged() {
    var reply = http.get(messages(RANDOM) + "?limit=2", ENV.tokens().valid(MEMBER));

    assertThat(ids(reply)).containsExactly(DELETED, RANDOM_HISTORY.get(6));
    var tombstone = reply.json().get("messages").get(0);
    assertThat(tombstone.get("deleted").booleanValue()).isTrue();
    assertThat(tombstone.get("content").isNull()).isTrue();
    var kept = reply.json().get("messages").get(1);
    assertThat(kept.get("deleted").booleanValue()).isFalse();
    assertThat(kept.get("content").stringValue()).isEqualTo("random 6");
  }

  @Test
  void shouldServeTheMessageWithHalfTheLimitOlderAndTheRestNewerWhenAroundCursor() {
    var middle = asOwner(messages(GENERAL) + "?around=" + HISTORY.get(3) + "&limit=4");
    var nearEnd = asOwner(messages(GENERAL) + "?around=" + HISTORY.get(5) + "&limit=5");
    var alone = asOwner(messages(GENERAL) + "?around=" + HISTORY.get(0) + "&limit=1");

    assertThat(ids(middle)).containsExactlyElementsOf(history(4, 3, 2, 1));
    assertThat(middle.json().get("hasMore").booleanValue()).isTrue();
    assertThat(middle.json().get("hasNewer").booleanValue()).isTrue();
    assertThat(ids(nearEnd)).containsExactlyElementsOf(history(6, 5, 4, 3));
    assertThat(nearEnd.json().get("hasMore").booleanValue()).isTrue();
    assertThat(nearEnd.json().get("hasNewer").booleanValue()).isFalse();
    assertThat(ids(alone)).containsExactlyElementsOf(history(0));
    assertThat(alone.json().get("hasMore").booleanValue()).isFalse();
    assertThat(alone.json().get("hasNewer").booleanValue()).isTrue();
    assertProblem(
        asOwner(messages(GENERAL) + "?around=" + RANDOM_HISTORY.get(2)), 400, "INVALID_CURSOR");
  }

  @Test
  void shouldServeOlderMessagesWhenBeforeCursor() {
    var page = asOwner(messages(GENERAL) + "?before=" + HISTORY.get(4) + "&limit=3");
    var last = asOwner(messages(GENERAL) + "?before=" + HISTORY.get(1) + "&limit=3");

    assertThat(ids(page)).containsExactlyElementsOf(history(3, 2, 1));
    assertThat(page.json().get("hasMore").booleanValue()).isTrue();
    assertThat(ids(last)).containsExactlyElementsOf(history(0));
    assertThat(last.json().get("hasMore").booleanValue()).isFalse();
  }

  @Test
  void shouldServeNewerMessagesNewestFirstWhenAfterCursor() {
    var page = asOwner(messages(GENERAL) + "?after=" + HISTORY.get(1) + "&limit=3");
    var last = asOwner(messages(GENERAL) + "?after=" + HISTORY.get(4) + "&limit=3");

    assertThat(ids(page)).containsExactlyElementsOf(history(4, 3, 2));
    assertThat(page.json().get("hasMore").booleanValue()).isTrue();
    assertThat(ids(last)).containsExactlyElementsOf(history(6, 5));
    assertThat(last.json().get("hasMore").booleanValue()).isFalse();
  }

  @Test
  void shouldRenderMessagesInTheClientShapeWhenPaged() {
    var reply = asOwner(messages(GENERAL) + "?after=" + HISTORY.get(2) + "&limit=1");

    JsonNode message = reply.json().get("messages").get(0);
    assertThat(message.propertyNames())
        .containsExactlyInAnyOrder(
            "id",
            "serverId",
            "channelId",
            "authorId",
            "content",
            "createdAt",
            "seq",
            "editedAt",
            "type",
            "systemType",
            "deleted");
    assertThat(message.get("type").stringValue()).isEqualTo("USER");
    assertThat(message.get("systemType").isNull()).isTrue();
    assertThat(message.get("deleted").booleanValue()).isFalse();
    assertThat(message.get("serverId").stringValue()).isEqualTo(SERVER.toString());
    assertThat(message.get("channelId").stringValue()).isEqualTo(GENERAL.toString());
    assertThat(message.get("authorId").stringValue()).isEqualTo(OWNER.toString());
    assertThat(message.get("content").stringValue()).isEqualTo("general 3");
    assertThat(message.get("seq").longValue()).isEqualTo(16);
    assertThat(message.get("editedAt").stringValue()).isEqualTo("2030-01-02T03:04:05Z");
    assertThat(message.get("createdAt").stringValue()).endsWith("Z");
    var unedited = asOwner(messages(GENERAL) + "?limit=1").json().get("messages").get(0);
    assertThat(unedited.has("editedAt")).isFalse();
  }

  @Test
  void shouldAnswerServerNotFoundWhenCallerIsNotMember() {
    var notMember = http.get(messages(GENERAL), ENV.tokens().valid(OUTSIDER));
    var unknown =
        asOwner("/api/servers/" + UUID.randomUUID() + "/channels/" + GENERAL + "/messages");
    var foreign = asOwner("/api/servers/" + FOREIGN_SERVER + "/channels");

    for (var reply : List.of(notMember, unknown, foreign)) {
      assertProblem(reply, 404, "SERVER_NOT_FOUND");
      assertThat(reply.json().get("detail").stringValue()).isEqualTo("No such server.");
    }
  }

  @Test
  void shouldAnswerChannelNotFoundWhenChannelIsUnknown() {
    assertProblem(asOwner(messages(UUID.randomUUID())), 404, "CHANNEL_NOT_FOUND");
  }

  @Test
  void shouldAnswerInvalidIdWhenIdsAreNotUuids() {
    assertProblem(asOwner("/api/servers/abc/channels/" + GENERAL + "/messages"), 400, "INVALID_ID");
    assertProblem(
        asOwner("/api/servers/" + SERVER + "/channels/1-1-1-1-1/messages"), 400, "INVALID_ID");
    assertProblem(asOwner(messages(GENERAL) + "?before=zzz"), 400, "INVALID_ID");
    assertProblem(asOwner("/api/servers/nope/channels"), 400, "INVALID_ID");
  }

  @Test
  void shouldAnswerInvalidCursorWhenLimitOrCursorIsWrong() {
    for (var query :
        List.of(
            "?limit=0",
            "?limit=101",
            "?limit=abc",
            "?limit=",
            "?before=" + HISTORY.get(1) + "&after=" + HISTORY.get(2),
            "?before=" + RANDOM_HISTORY.get(1),
            "?after=" + UUID.randomUUID())) {
      assertProblem(asOwner(messages(GENERAL) + query), 400, "INVALID_CURSOR");
    }
    assertThat(ids(asOwner(messages(GENERAL) + "?limit=100"))).hasSize(7);
  }

  @Test
  void shouldAnswerUnauthenticatedWhenTokenIsMissingForgedOrExpired() {
    var tokens = ENV.tokens();
    var replies =
        List.of(
            http.get(messages(GENERAL), null),
            http.get(messages(GENERAL), tokens.forged(OWNER)),
            http.get(messages(GENERAL), tokens.expired(OWNER)),
            http.get(messages(GENERAL), "not-a-jwt"),
            http.get("/api/servers", null, "Authorization", "Basic b3duZXI6cHc="),
            http.get("/api/stream", tokens.forged(OWNER)));

    for (var reply : replies) {
      assertProblem(reply, 401, "UNAUTHENTICATED");
      assertThat(reply.header("WWW-Authenticate"))
          .hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
    }
  }

  @Test
  void shouldListMyServersWhenAuthenticated() {
    var mine = asOwner("/api/servers").json().get("servers");
    var outsiders = http.get("/api/servers", ENV.tokens().valid(OUTSIDER)).json().get("servers");
    var nobody = http.get("/api/servers", ENV.tokens().valid(UUID.randomUUID())).json();

    assertThat(mine).hasSize(1);
    assertThat(mine.get(0).get("id").stringValue()).isEqualTo(SERVER.toString());
    assertThat(mine.get(0).get("name").stringValue()).isEqualTo("Guild");
    assertThat(mine.get(0).get("ownerId").stringValue()).isEqualTo(OWNER.toString());
    assertThat(outsiders).hasSize(1);
    assertThat(outsiders.get(0).get("id").stringValue()).isEqualTo(FOREIGN_SERVER.toString());
    assertThat(nobody.get("servers")).isEmpty();
  }

  @Test
  void shouldListChannelsByPositionWhenMember() {
    var channels = http.get("/api/servers/" + SERVER + "/channels", ENV.tokens().valid(MEMBER));

    assertThat(channels.status()).isEqualTo(200);
    var ids = new ArrayList<String>();
    channels.json().get("channels").forEach(c -> ids.add(c.get("id").stringValue()));
    assertThat(ids).containsExactly(GENERAL.toString(), RANDOM.toString(), NEWS.toString());
    var first = channels.json().get("channels").get(0);
    assertThat(first.get("name").stringValue()).isEqualTo("general");
    assertThat(first.get("position").intValue()).isZero();
    assertThat(first.get("serverId").stringValue()).isEqualTo(SERVER.toString());
  }

  @Test
  void shouldWaitForThePositionWhenTheProjectionIsBehind() {
    var owner = UUID.randomUUID();
    var server = ENV.createServer("Busy", owner);
    var channel = ENV.addChannel(server, "late", 5);
    ENV.applied(ENV.databaseOf(server), server, 40);
    var later =
        CompletableFuture.runAsync(
            () -> {
              ENV.addMessage(server, channel, owner, "just written", 41);
              ENV.applied(ENV.databaseOf(server), server, 41);
              // The projector commits every server event's seq to the registry after the server's
              // database; the edge waits for the registry before checking membership.
              ENV.applied(ENV.registryDatabase(), server, 41);
            },
            CompletableFuture.delayedExecutor(300, TimeUnit.MILLISECONDS));

    var reply =
        http.get(
            "/api/servers/" + server + "/channels/" + channel + "/messages",
            ENV.tokens().valid(owner),
            "X-Ohkay-Min-Position",
            server + ":41");

    later.join();
    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.header("X-Ohkay-Stale")).isEmpty();
    assertThat(reply.json().get("messages")).hasSize(1);
    assertThat(reply.json().get("messages").get(0).get("content").stringValue())
        .isEqualTo("just written");
  }

  @Test
  void shouldAnswerStaleWhenThePositionIsNotAppliedInTime() {
    ENV.applied(ENV.databaseOf(SERVER), SERVER, 40);
    var started = System.nanoTime();

    var reply = asOwner(messages(GENERAL), "X-Ohkay-Min-Position", SERVER + ":9999");

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.header("X-Ohkay-Stale")).contains("true");
    assertThat(Duration.ofNanos(System.nanoTime() - started))
        .isGreaterThan(Duration.ofMillis(1400));
    assertThat(ids(reply)).containsExactlyElementsOf(history(6, 5, 4, 3, 2, 1, 0));
  }

  @Test
  void shouldAnswerFreshAtOnceWhenThePositionIsAlreadyApplied() {
    ENV.applied(ENV.registryDatabase(), SERVER, 50);

    var reply = asOwner("/api/servers", "X-Ohkay-Min-Position", SERVER + ":49");

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.header("X-Ohkay-Stale")).isEmpty();
  }

  @Test
  void shouldWaitForTheMembershipWhenTheRegistryIsBehind() {
    var joiner = UUID.randomUUID();
    var server = ENV.createServer("Fresh", UUID.randomUUID());
    var later =
        CompletableFuture.runAsync(
            () -> {
              ENV.addMember(server, joiner);
              ENV.applied(ENV.registryDatabase(), server, 3);
              ENV.applied(ENV.databaseOf(server), server, 3);
            },
            CompletableFuture.delayedExecutor(300, TimeUnit.MILLISECONDS));

    var reply =
        http.get(
            "/api/servers/" + server + "/channels",
            ENV.tokens().valid(joiner),
            "X-Ohkay-Min-Position",
            server + ":3");

    later.join();
    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.header("X-Ohkay-Stale")).isEmpty();
    assertThat(reply.json().get("channels")).isEmpty();
  }

  @Test
  void shouldAnswerValidationFailedWhenMinPositionIsMalformed() {
    for (var header : List.of("nope", SERVER + ":", SERVER + ":0", "abc:4", SERVER + ":-1")) {
      assertProblem(
          asOwner(messages(GENERAL), "X-Ohkay-Min-Position", header), 400, "VALIDATION_FAILED");
    }
  }

  @Test
  void shouldLeaveOtherModulesErrorsAloneWhenTheirRouteFails() {
    var reply = http.get("/api/foreign", null);

    assertThat(reply.status()).isEqualTo(500);
    assertThat(reply.contentType()).doesNotContain("problem");
    assertThat(reply.json().has("code")).isFalse();
  }

  private static void assertProblem(Reply reply, int status, String code) {
    assertThat(reply.status()).as(reply.json().toString()).isEqualTo(status);
    assertThat(reply.contentType()).startsWith("application/problem+json");
    var body = reply.json();
    assertThat(body.get("code").stringValue()).isEqualTo(code);
    assertThat(body.get("status").intValue()).isEqualTo(status);
    assertThat(body.get("type").stringValue())
        .isEqualTo("https://ohkay.io/problems/" + code.toLowerCase().replace('_', '-'));
    assertThat(body.get("title").stringValue()).isNotBlank();
    assertThat(body.get("detail").stringValue()).isNotBlank();
    assertThat(body.toString()).doesNotContain("Exception").doesNotContain("\tat ");
  }

  /** Another module's route in the same application, whose failures are not the edge's. */
  @Configuration(proxyBeanMethods = false)
  static class ForeignRoutes {

    @Bean
    RouterFunction<ServerResponse> foreignRoutes() {
      return RouterFunctions.route()
          .GET(
              "/api/foreign",
              request -> {
                throw new IllegalStateException("foreign failure");
              })
          .build();
    }
  }
}
