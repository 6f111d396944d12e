package io.ohkay.edge.dm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ohkay.edge.EdgeHttp;
import io.ohkay.edge.EdgeHttp.Reply;
import io.ohkay.edge.EdgeIntegrationTest;
import io.ohkay.edge.EdgeTestEnvironment;
import io.ohkay.schemas.id.ConversationId;
import io.ohkay.schemas.id.UserId;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The direct-message reads on real PostgreSQL, over the contract's {@code dms} schema and the
 * accounts database, rows written as the projector writes them: the caller's conversations, a
 * conversation's pages, the blocks, the refusals and read-your-writes.
 */
@EdgeIntegrationTest(properties = "ohkay.edge.read-your-writes-max-wait=1500ms")
class DmRoutesIT {

  @RegisterExtension static final EdgeTestEnvironment ENV = EdgeTestEnvironment.create("dms");
  private static final Instant T0 =
      Instant.now().minus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS);
  private static final UUID ALICE = UUID.randomUUID();
  private static final UUID BOB = UUID.randomUUID();
  private static final UUID CAROL = UUID.randomUUID();
  private static final UUID DAVE = UUID.randomUUID();
  private static final UUID EVE = UUID.randomUUID();
  private static final UUID WITH_BOB = ENV.openConversation(ALICE, BOB, minutes(0));
  private static final UUID WITH_CAROL = ENV.openConversation(CAROL, ALICE, minutes(10));
  private static final UUID WITH_DAVE = ENV.openConversation(DAVE, ALICE, minutes(-10));
  private static final List<UUID> HISTORY = new ArrayList<>();
  private static final UUID FROM_DAVE;

  static {
    ENV.addUser(ALICE, "alice@example.com", "Alice", null);
    ENV.addUser(BOB, "bob@example.com", "Bob", null);
    ENV.sql(
        ENV.authDatabase(),
        "update user_profiles set avatar_url = 'https://cdn.example/bob.png' where user_id = ?",
        BOB);
    ENV.addUser(CAROL, "carol@example.com", "Carol", null);
    ENV.addUser(DAVE, "dave@example.com", "Dave", null);
    ENV.deleteUser(DAVE);
    ENV.addUser(EVE, "eve@example.com", "Eve", null);
    var authors = List.of(ALICE, BOB, ALICE, ALICE, BOB, ALICE);
    for (int i = 0; i < authors.size(); i++) {
      HISTORY.add(send(WITH_BOB, authors.get(i), "message " + i, i + 2, minutes(i + 1)));
    }
    ENV.sql(
        ENV.dmsDatabase(),
        "update dm_messages set content = null, deleted_at = ? where id = ?",
        utc(minutes(9)),
        HISTORY.get(3));
    ENV.sql(
        ENV.dmsDatabase(),
        "insert into dm_read_status values (?, ?, 5, ?)",
        WITH_BOB,
        BOB,
        utc(minutes(7)));
    FROM_DAVE = send(WITH_DAVE, DAVE, "bye", 2, minutes(8));
    block(ALICE, EVE, minutes(1));
    block(ALICE, DAVE, minutes(2));
    block(BOB, ALICE, minutes(3));
  }

  @LocalServerPort int port;
  private EdgeHttp http;

  @BeforeEach
  void client() {
    http = new EdgeHttp(port);
  }

  @Test
  void shouldListTheCallersConversationsByLatestActivityWithUnreadCountsAndProfilesWhenAsked() {
    var reply = as(ALICE, "/api/dms");

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.contentType()).startsWith("application/json");
    var conversations = reply.json().get("conversations");
    assertThat(ids(conversations)).containsExactly(WITH_CAROL, WITH_DAVE, WITH_BOB);
    var carol = conversations.get(0);
    assertThat(carol.get("recipient").get("id").stringValue()).isEqualTo(CAROL.toString());
    assertThat(carol.get("recipient").get("displayName").stringValue()).isEqualTo("Carol");
    assertThat(carol.get("recipient").get("avatarUrl").isNull()).isTrue();
    assertThat(carol.get("lastMessage").isNull()).isTrue();
    assertThat(carol.get("unreadCount").longValue()).isZero();
    assertThat(Instant.parse(carol.get("lastActivityAt").stringValue())).isEqualTo(minutes(10));
    var dave = conversations.get(1);
    assertThat(dave.get("recipient").get("displayName").stringValue()).isEqualTo("Deleted user");
    assertThat(dave.get("recipient").get("avatarUrl").isNull()).isTrue();
    assertThat(dave.get("lastMessage").get("id").stringValue()).isEqualTo(FROM_DAVE.toString());
    assertThat(dave.get("unreadCount").longValue()).isEqualTo(1);
    var bob = conversations.get(2);
    assertThat(bob.get("recipient").get("avatarUrl").stringValue())
        .isEqualTo("https://cdn.example/bob.png");
    assertThat(bob.get("unreadCount").longValue()).isEqualTo(2);
    var last = bob.get("lastMessage");
    assertThat(last.get("id").stringValue()).isEqualTo(HISTORY.get(5).toString());
    assertThat(last.get("conversationId").stringValue()).isEqualTo(WITH_BOB.toString());
    assertThat(last.get("authorId").stringValue()).isEqualTo(ALICE.toString());
    assertThat(last.get("content").stringValue()).isEqualTo("message 5");
    assertThat(Instant.parse(last.get("createdAt").stringValue())).isEqualTo(minutes(6));
    assertThat(last.get("seq").longValue()).isEqualTo(7);
    assertThat(last.has("deletedAt")).isFalse();
  }

  @Test
  void shouldCountOnlyTheOthersMessagesAfterTheLastReadAndNotDeletedWhenTheRecipientLists() {
    var conversations = as(BOB, "/api/dms").json().get("conversations");

    assertThat(ids(conversations)).containsExactly(WITH_BOB);
    assertThat(conversations.get(0).get("recipient").get("displayName").stringValue())
        .isEqualTo("Alice");
    assertThat(conversations.get(0).get("unreadCount").longValue()).isEqualTo(1);
    assertThat(as(EVE, "/api/dms").json().get("conversations")).isEmpty();
  }

  @Test
  void shouldPageTheCallersConversationsBelowACursorWhenALimitIsGiven() {
    var first = as(ALICE, "/api/dms?limit=2").json();
    var next = first.get("next").stringValue();
    var second = as(ALICE, "/api/dms?limit=2&before=" + next).json();

    assertThat(ids(first.get("conversations"))).containsExactly(WITH_CAROL, WITH_DAVE);
    assertThat(first.get("hasMore").booleanValue()).isTrue();
    assertThat(ids(second.get("conversations"))).containsExactly(WITH_BOB);
    assertThat(second.get("hasMore").booleanValue()).isFalse();
    assertThat(second.get("next").isNull()).isTrue();
    // Someone else's cursor shows them nothing of Alice's: the page is still their own.
    assertThat(ids(as(BOB, "/api/dms?before=" + next).json().get("conversations")))
        .containsExactly(WITH_BOB);
    assertProblem(as(ALICE, "/api/dms?before=" + WITH_CAROL), 400, "INVALID_CURSOR");
    assertProblem(as(ALICE, "/api/dms?before=nope"), 400, "INVALID_CURSOR");
    assertProblem(
        as(ALICE, "/api/dms?before=99999999999999999999_" + WITH_CAROL), 400, "INVALID_CURSOR");
    assertProblem(as(ALICE, "/api/dms?limit=0"), 400, "INVALID_CURSOR");
  }

  @Test
  void shouldServeTheHistoryNewestFirstWithTombstonesWhenAParticipantPages() {
    var reply = as(BOB, messages(WITH_BOB));

    assertThat(reply.status()).isEqualTo(200);
    assertThat(messageIds(reply)).containsExactlyElementsOf(history(5, 4, 3, 2, 1, 0));
    assertThat(reply.json().get("hasMore").booleanValue()).isFalse();
    assertThat(reply.json().has("hasNewer")).isFalse();
    var deleted = reply.json().get("messages").get(2);
    assertThat(deleted.get("content").isNull()).isTrue();
    assertThat(Instant.parse(deleted.get("deletedAt").stringValue())).isEqualTo(minutes(9));
    var first = reply.json().get("messages").get(5);
    assertThat(first.get("content").stringValue()).isEqualTo("message 0");
    assertThat(first.get("seq").longValue()).isEqualTo(2);
    assertThat(first.has("deletedAt")).isFalse();
  }

  @Test
  void shouldFollowTheChannelPageRulesWhenACursorIsGiven() {
    var latest = as(ALICE, messages(WITH_BOB) + "?limit=2");
    var before = as(ALICE, messages(WITH_BOB) + "?limit=2&before=" + HISTORY.get(4));
    var after = as(ALICE, messages(WITH_BOB) + "?limit=2&after=" + HISTORY.get(1));
    var around = as(ALICE, messages(WITH_BOB) + "?limit=3&around=" + HISTORY.get(2));
    var empty = as(CAROL, messages(WITH_CAROL));

    assertThat(messageIds(latest)).containsExactlyElementsOf(history(5, 4));
    assertThat(latest.json().get("hasMore").booleanValue()).isTrue();
    assertThat(messageIds(before)).containsExactlyElementsOf(history(3, 2));
    assertThat(before.json().get("hasMore").booleanValue()).isTrue();
    assertThat(messageIds(after)).containsExactlyElementsOf(history(3, 2));
    assertThat(after.json().get("hasMore").booleanValue()).isTrue();
    assertThat(messageIds(around)).containsExactlyElementsOf(history(3, 2, 1));
    assertThat(around.json().get("hasNewer").booleanValue()).isTrue();
    assertThat(empty.status()).isEqualTo(200);
    assertThat(empty.json().get("messages")).isEmpty();
  }

  @Test
  void shouldRefuseBadCursorsAndIdsWhenAParticipantPages() {
    assertProblem(as(ALICE, messages(WITH_BOB) + "?before=" + FROM_DAVE), 400, "INVALID_CURSOR");
    assertProblem(as(ALICE, messages(WITH_BOB) + "?around=" + FROM_DAVE), 400, "INVALID_CURSOR");
    assertProblem(
        as(ALICE, messages(WITH_BOB) + "?after=" + UUID.randomUUID()), 400, "INVALID_CURSOR");
    assertProblem(as(ALICE, messages(WITH_BOB) + "?limit=101"), 400, "INVALID_CURSOR");
    assertProblem(as(ALICE, messages(WITH_BOB) + "?before=1-1-1-1-1"), 400, "INVALID_ID");
    assertProblem(as(ALICE, "/api/dms/not-a-uuid/messages"), 400, "INVALID_ID");
  }

  @Test
  void shouldAnswerNotFoundWithoutContentWhenTheCallerIsNoParticipant() {
    var answers =
        List.of(
            as(EVE, messages(WITH_BOB)),
            as(EVE, messages(WITH_BOB) + "?before=" + HISTORY.get(2)),
            as(EVE, messages(WITH_BOB) + "?around=" + HISTORY.get(2)),
            as(EVE, messages(WITH_BOB) + "?after=" + UUID.randomUUID()),
            as(CAROL, messages(WITH_BOB)),
            as(ALICE, messages(UUID.randomUUID())));

    assertThat(answers)
        .allSatisfy(
            answer -> {
              assertProblem(answer, 404, "CONVERSATION_NOT_FOUND");
              assertThat(answer.json().toString()).doesNotContain("message ");
            });
  }

  @Test
  void shouldListOnlyTheCallersOwnBlocksNewestFirstWhenAsked() {
    var alice = as(ALICE, "/api/blocks");

    assertThat(alice.status()).isEqualTo(200);
    var blocks = alice.json().get("blocks");
    assertThat(blocks).hasSize(2);
    assertThat(blocks.get(0).get("userId").stringValue()).isEqualTo(DAVE.toString());
    assertThat(Instant.parse(blocks.get(0).get("createdAt").stringValue())).isEqualTo(minutes(2));
    assertThat(blocks.get(1).get("userId").stringValue()).isEqualTo(EVE.toString());
    assertThat(as(BOB, "/api/blocks").json().get("blocks")).hasSize(1);
    assertThat(as(EVE, "/api/blocks").json().get("blocks")).isEmpty();
  }

  @Test
  void shouldRefuseEveryReadWhenUnauthenticated() {
    for (var path : List.of("/api/dms", messages(WITH_BOB), "/api/blocks")) {
      assertProblem(http.get(path, null), 401, "UNAUTHENTICATED");
    }
  }

  @Test
  void shouldWaitForTheDmsProjectionWhenAMinPositionIsAhead() {
    var frank = UUID.randomUUID();
    var gina = UUID.randomUUID();
    var conversation = ConversationId.between(new UserId(frank), new UserId(gina)).value();
    var pending =
        CompletableFuture.supplyAsync(
            () -> as(frank, "/api/dms", "X-Ohkay-Min-Position", conversation + ":2"));
    await()
        .pollDelay(Duration.ofMillis(300))
        .atMost(Duration.ofSeconds(1))
        .until(() -> !pending.isDone());

    ENV.openConversation(frank, gina, minutes(20));
    ENV.applied(ENV.dmsDatabase(), conversation, 2);

    var reply = pending.join();
    assertThat(reply.status()).isEqualTo(200);
    assertThat(ids(reply.json().get("conversations"))).containsExactly(conversation);
    assertThat(reply.header("X-Ohkay-Stale")).isEmpty();
    var stale = as(ALICE, "/api/blocks", "X-Ohkay-Min-Position", UUID.randomUUID() + ":1");
    assertThat(stale.status()).isEqualTo(200);
    assertThat(stale.header("X-Ohkay-Stale")).contains("true");
  }

  private Reply as(UUID user, String path, String... headers) {
    return http.get(path, ENV.tokens().valid(user), headers);
  }

  private static String messages(UUID conversation) {
    return "/api/dms/" + conversation + "/messages";
  }

  /** A message of {@code author}, as the projector applies dm.message.sent. */
  private static UUID send(UUID conversation, UUID author, String content, long seq, Instant at) {
    var id = UUID.randomUUID();
    ENV.sql(
        ENV.dmsDatabase(),
        "insert into dm_messages (id, conversation_id, author_id, content, created_at, seq)"
            + " values (?, ?, ?, ?, ?, ?)",
        id,
        conversation,
        author,
        content,
        utc(at),
        seq);
    ENV.sql(
        ENV.dmsDatabase(),
        "update dm_conversations set last_activity_at = ? where id = ?",
        utc(at),
        conversation);
    return id;
  }

  private static void block(UUID blocker, UUID blocked, Instant at) {
    ENV.sql(ENV.dmsDatabase(), "insert into dm_blocks values (?, ?, ?)", blocker, blocked, utc(at));
  }

  private static Instant minutes(int minutes) {
    return T0.plus(Duration.ofMinutes(minutes));
  }

  private static OffsetDateTime utc(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }

  private static List<UUID> history(int... indexes) {
    var ids = new ArrayList<UUID>();
    for (var index : indexes) {
      ids.add(HISTORY.get(index));
    }
    return ids;
  }

  private static List<UUID> ids(JsonNode conversations) {
    var ids = new ArrayList<UUID>();
    conversations.forEach(c -> ids.add(UUID.fromString(c.get("id").stringValue())));
    return ids;
  }

  private static List<UUID> messageIds(Reply reply) {
    var ids = new ArrayList<UUID>();
    reply.json().get("messages").forEach(m -> ids.add(UUID.fromString(m.get("id").stringValue())));
    return ids;
  }

  private static void assertProblem(Reply reply, int status, String code) {
    assertThat(reply.status()).isEqualTo(status);
    assertThat(reply.contentType()).startsWith("application/problem+json");
    assertThat(reply.json().get("code").stringValue()).isEqualTo(code);
  }
}
