package io.ohkay.edge.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ohkay.edge.EdgeHttp;
import io.ohkay.edge.EdgeIntegrationTest;
import io.ohkay.edge.EdgeTestEnvironment;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The notifications query on the real accounts database, created by the projector's migrations, its
 * rows and read markers written as the projector writes them.
 */
@EdgeIntegrationTest(properties = "ohkay.edge.read-your-writes-max-wait=2s")
class NotificationRoutesIT {

  @RegisterExtension static final EdgeTestEnvironment ENV = EdgeTestEnvironment.create("notif");
  private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);

  @LocalServerPort int port;

  private EdgeHttp http() {
    return new EdgeHttp(port);
  }

  @Test
  void shouldListOnlyTheCallersNotificationsNewestFirstWithTheirReadTimesWhenSomeAreRead() {
    var user = UUID.randomUUID();
    var other = UUID.randomUUID();
    var oldest = notify(user, minutesAgo(40));
    var coveredByReadAll = notify(user, minutesAgo(30));
    var unread = notify(user, minutesAgo(20));
    var readOne = notify(user, minutesAgo(10));
    var othersNewest = notify(other, minutesAgo(5));
    readAll(user, minutesAgo(25));
    read(readOne, user, minutesAgo(1));
    read(oldest, user, minutesAgo(35));
    read(unread, other, minutesAgo(2));

    var reply = http().get("/api/notifications", ENV.tokens().valid(user));

    assertThat(reply.status()).isEqualTo(200);
    var json = reply.json();
    assertThat(ids(json)).containsExactly(readOne, unread, coveredByReadAll, oldest);
    assertThat(ids(json)).doesNotContain(othersNewest);
    assertThat(readAt(json, 0)).isEqualTo(minutesAgo(1));
    assertThat(json.get("notifications").get(1).get("readAt").isNull()).isTrue();
    assertThat(readAt(json, 2)).isEqualTo(minutesAgo(25));
    assertThat(readAt(json, 3)).isEqualTo(minutesAgo(35));
    assertThat(json.get("unreadCount").longValue()).isEqualTo(1);
    assertThat(json.get("hasMore").booleanValue()).isFalse();
    var first = json.get("notifications").get(0);
    assertThat(first.get("kind").stringValue()).isEqualTo("MENTION");
    assertThat(first.get("serverId").isString()).isTrue();
    assertThat(first.get("channelId").isString()).isTrue();
    assertThat(first.get("messageId").isString()).isTrue();
    assertThat(first.get("actorId").isString()).isTrue();
    assertThat(Instant.parse(first.get("createdAt").stringValue())).isEqualTo(minutesAgo(10));
  }

  @Test
  void shouldPageBelowTheCursorAndFilterTheUnreadWhenAsked() {
    var user = UUID.randomUUID();
    var token = ENV.tokens().valid(user);
    var created = new ArrayList<UUID>();
    for (int minutes = 5; minutes >= 1; minutes--) {
      created.addFirst(notify(user, minutesAgo(minutes)));
    }
    read(created.get(1), user, minutesAgo(0));
    var tied = notify(user, minutesAgo(3));

    var firstPage = http().get("/api/notifications?limit=2", token).json();
    var secondPage = http().get("/api/notifications?limit=3&before=" + created.get(1), token);
    var unreadOnly = http().get("/api/notifications?unread=true&limit=100", token).json();
    var all = http().get("/api/notifications?unread=false", token).json();

    assertThat(ids(firstPage)).containsExactly(created.get(0), created.get(1));
    assertThat(firstPage.get("hasMore").booleanValue()).isTrue();
    assertThat(firstPage.get("unreadCount").longValue()).isEqualTo(5);
    var tiedFirst = tied.toString().compareTo(created.get(2).toString()) > 0;
    assertThat(ids(secondPage.json()))
        .containsExactly(
            tiedFirst ? tied : created.get(2), tiedFirst ? created.get(2) : tied, created.get(3));
    assertThat(secondPage.json().get("hasMore").booleanValue()).isTrue();
    assertThat(ids(unreadOnly)).hasSize(5).doesNotContain(created.get(1));
    assertThat(unreadOnly.get("hasMore").booleanValue()).isFalse();
    assertThat(ids(all)).hasSize(6);
  }

  @Test
  void shouldRefuseBadParametersAndStrangersCursorsWhenListing() {
    var user = UUID.randomUUID();
    var token = ENV.tokens().valid(user);
    var strangers = notify(UUID.randomUUID(), minutesAgo(1));

    assertProblem(http().get("/api/notifications?limit=0", token), 400, "INVALID_CURSOR");
    assertProblem(http().get("/api/notifications?limit=101", token), 400, "INVALID_CURSOR");
    assertProblem(http().get("/api/notifications?limit=ten", token), 400, "INVALID_CURSOR");
    assertProblem(http().get("/api/notifications?unread=yes", token), 400, "VALIDATION_FAILED");
    assertProblem(
        http().get("/api/notifications?unread=true&unread=false", token), 400, "VALIDATION_FAILED");
    assertProblem(http().get("/api/notifications?before=nope", token), 400, "INVALID_ID");
    assertProblem(
        http().get("/api/notifications?before=" + strangers, token), 400, "INVALID_CURSOR");
    assertProblem(http().get("/api/notifications", null), 401, "UNAUTHENTICATED");
  }

  @Test
  void shouldWaitForTheProjectionWhenAMinPositionIsAhead() {
    var user = UUID.randomUUID();
    var token = ENV.tokens().valid(user);
    var pending =
        CompletableFuture.supplyAsync(
            () -> http().get("/api/notifications", token, "X-Ohkay-Min-Position", user + ":1"));
    await()
        .pollDelay(Duration.ofMillis(300))
        .atMost(Duration.ofSeconds(1))
        .until(() -> !pending.isDone());

    var late = notify(user, minutesAgo(1));
    ENV.applied(ENV.authDatabase(), user, 1);

    var reply = pending.join();
    assertThat(reply.status()).isEqualTo(200);
    assertThat(ids(reply.json())).containsExactly(late);
    assertThat(reply.header("X-Ohkay-Stale")).isEmpty();
  }

  @Test
  void shouldServeTheConversationOfADmAndTheCodeOfAnInviteWhenThoseKindsAreListed() {
    var user = UUID.randomUUID();
    var mention = notify(user, minutesAgo(3));
    var conversation = UUID.randomUUID();
    var message = UUID.randomUUID();
    var author = UUID.randomUUID();
    var dm = UUID.randomUUID();
    ENV.sql(
        ENV.authDatabase(),
        "INSERT INTO notifications"
            + " (id, user_id, kind, conversation_id, message_id, actor_id, created_at)"
            + " VALUES (?, ?, 'DM', ?, ?, ?, ?)",
        dm,
        user,
        conversation,
        message,
        author,
        utc(minutesAgo(2)));
    var server = UUID.randomUUID();
    var invite = UUID.randomUUID();
    ENV.sql(
        ENV.authDatabase(),
        "INSERT INTO notifications (id, user_id, kind, server_id, invite_code, actor_id, created_at)"
            + " VALUES (?, ?, 'INVITE', ?, 'xK4p9', ?, ?)",
        invite,
        user,
        server,
        author,
        utc(minutesAgo(1)));

    var json = http().get("/api/notifications", ENV.tokens().valid(user)).json();

    assertThat(ids(json)).containsExactly(invite, dm, mention);
    var invited = json.get("notifications").get(0);
    assertThat(invited.get("kind").stringValue()).isEqualTo("INVITE");
    assertThat(invited.get("serverId").stringValue()).isEqualTo(server.toString());
    assertThat(invited.get("inviteCode").stringValue()).isEqualTo("xK4p9");
    assertThat(invited.get("actorId").stringValue()).isEqualTo(author.toString());
    assertThat(invited.get("conversationId").isNull()).isTrue();
    assertThat(invited.get("messageId").isNull()).isTrue();
    var direct = json.get("notifications").get(1);
    assertThat(direct.get("kind").stringValue()).isEqualTo("DM");
    assertThat(direct.get("conversationId").stringValue()).isEqualTo(conversation.toString());
    assertThat(direct.get("messageId").stringValue()).isEqualTo(message.toString());
    assertThat(direct.get("serverId").isNull()).isTrue();
    assertThat(direct.get("channelId").isNull()).isTrue();
    assertThat(direct.get("inviteCode").isNull()).isTrue();
    var mentioned = json.get("notifications").get(2);
    assertThat(mentioned.get("conversationId").isNull()).isTrue();
    assertThat(mentioned.get("inviteCode").isNull()).isTrue();
    assertThat(json.get("unreadCount").longValue()).isEqualTo(3);
  }

  /** A mention of {@code user}, as the projector writes it. */
  private static UUID notify(UUID user, Instant createdAt) {
    var id = UUID.randomUUID();
    ENV.sql(
        ENV.authDatabase(),
        "INSERT INTO notifications"
            + " (id, user_id, kind, server_id, channel_id, message_id, actor_id, created_at)"
            + " VALUES (?, ?, 'MENTION', ?, ?, ?, ?, ?)",
        id,
        user,
        UUID.randomUUID(),
        UUID.randomUUID(),
        UUID.randomUUID(),
        UUID.randomUUID(),
        utc(createdAt));
    return id;
  }

  /** {@code user} marked {@code notification} read, as the projector applies it. */
  private static void read(UUID notification, UUID user, Instant at) {
    ENV.sql(
        ENV.authDatabase(),
        "INSERT INTO notification_reads (notification_id, user_id, read_at) VALUES (?, ?, ?)"
            + " ON CONFLICT (user_id, notification_id) DO NOTHING",
        notification,
        user,
        utc(at));
  }

  /** {@code user} marked everything read at {@code at}, as the projector applies it. */
  private static void readAll(UUID user, Instant at) {
    ENV.sql(
        ENV.authDatabase(),
        "INSERT INTO notification_watermarks (user_id, read_before) VALUES (?, ?)"
            + " ON CONFLICT (user_id) DO UPDATE SET read_before ="
            + " greatest(notification_watermarks.read_before, excluded.read_before)",
        user,
        utc(at));
  }

  private static Instant minutesAgo(int minutes) {
    return NOW.minus(Duration.ofMinutes(minutes));
  }

  private static OffsetDateTime utc(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }

  private static List<UUID> ids(JsonNode page) {
    var ids = new ArrayList<UUID>();
    page.get("notifications").forEach(row -> ids.add(UUID.fromString(row.get("id").stringValue())));
    return ids;
  }

  private static Instant readAt(JsonNode page, int index) {
    return Instant.parse(page.get("notifications").get(index).get("readAt").stringValue());
  }

  private static void assertProblem(EdgeHttp.Reply reply, int status, String code) {
    assertThat(reply.status()).isEqualTo(status);
    assertThat(reply.contentType()).startsWith("application/problem+json");
    assertThat(reply.json().get("code").stringValue()).isEqualTo(code);
  }
}
