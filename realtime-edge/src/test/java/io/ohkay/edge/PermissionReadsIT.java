package io.ohkay.edge;

import static org.assertj.core.api.Assertions.assertThat;

import io.ohkay.edge.EdgeHttp.Reply;
import io.ohkay.schemas.permission.OverwriteTarget;
import io.ohkay.schemas.permission.Permission;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The reads that depend on roles and overwrites, on real PostgreSQL with rows as the projector
 * writes them: channels, history and search filtered by VIEW, unread counts, roles, overwrites, the
 * audit log, members with roles, stats and deleted servers.
 *
 * <p>{@code general}: everyone may view it but {@code DENIED} (a member overwrite denies VIEW).
 * {@code staff}: the everyone role's overwrite denies VIEW, the staff role's allows it.
 */
@EdgeIntegrationTest
class PermissionReadsIT {

  @RegisterExtension static final EdgeTestEnvironment ENV = EdgeTestEnvironment.create("perm");
  private static final UUID OWNER = UUID.randomUUID();
  private static final UUID STAFFER = UUID.randomUUID();
  private static final UUID PLAIN = UUID.randomUUID();
  private static final UUID DENIED = UUID.randomUUID();
  private static final UUID MANAGER = UUID.randomUUID();
  private static final UUID OUTSIDER = UUID.randomUUID();
  private static final UUID SERVER = ENV.createServer("Perms", OWNER);
  private static final UUID STAFF_ROLE = UUID.randomUUID();
  private static final UUID MANAGER_ROLE = UUID.randomUUID();
  private static final UUID GENERAL = ENV.addChannel(SERVER, "general", 0);
  private static final UUID STAFF = ENV.addChannel(SERVER, "staff", 1);
  private static final UUID GREETING;
  private static final UUID PLAIN_REPLY;
  private static final UUID STAFF_SECRET;
  private static final UUID STAFF_DELETED;
  private static final UUID STAFF_NOTE;
  private static final List<UUID> AUDIT = new ArrayList<>();

  static {
    for (var member : List.of(STAFFER, PLAIN, DENIED, MANAGER)) {
      ENV.addMember(SERVER, member);
    }
    ENV.addRole(SERVER, STAFF_ROLE, "staff", List.of(Permission.SEND_MESSAGES));
    ENV.addRole(SERVER, MANAGER_ROLE, "managers", List.of(Permission.MANAGE_SERVER));
    ENV.assignRole(SERVER, STAFFER, STAFF_ROLE);
    ENV.assignRole(SERVER, MANAGER, MANAGER_ROLE);
    ENV.setOverwrite(
        SERVER,
        GENERAL,
        OverwriteTarget.MEMBER,
        DENIED,
        List.of(),
        List.of(Permission.VIEW_CHANNEL));
    ENV.setOverwrite(
        SERVER, STAFF, OverwriteTarget.ROLE, SERVER, List.of(), List.of(Permission.VIEW_CHANNEL));
    ENV.setOverwrite(
        SERVER,
        STAFF,
        OverwriteTarget.ROLE,
        STAFF_ROLE,
        List.of(Permission.VIEW_CHANNEL),
        List.of());
    GREETING = ENV.addMessage(SERVER, GENERAL, OWNER, "hello apple lovers", 10);
    PLAIN_REPLY = ENV.addMessage(SERVER, GENERAL, PLAIN, "banana split", 11);
    STAFF_SECRET = ENV.addMessage(SERVER, STAFF, STAFFER, "the apple pie is a secret", 12);
    STAFF_DELETED = ENV.addMessage(SERVER, STAFF, OWNER, "apple gone", 13);
    ENV.sql(
        ENV.databaseOf(SERVER),
        "update messages set deleted_at = now(), content = null where id = ?",
        STAFF_DELETED);
    STAFF_NOTE = ENV.addMessage(SERVER, STAFF, OWNER, "staff meeting", 14);
    ENV.markRead(SERVER, STAFFER, GENERAL, 10);
    for (int i = 0; i < 3; i++) {
      var entry = UUID.randomUUID();
      ENV.sql(
          ENV.databaseOf(SERVER),
          "insert into audit_log(id, seq, action, actor_id, target_id, reason, details,"
              + " occurred_at) values (?, ?, 'MEMBER_KICK', ?, ?, ?, ?::jsonb, now())",
          entry,
          20L + i,
          OWNER,
          PLAIN,
          "reason " + i,
          "{\"n\": " + i + "}");
      AUDIT.add(entry);
    }
    ENV.sql(
        ENV.registryDatabase(),
        "insert into server_stats values (?, ?, 4)",
        SERVER,
        LocalDate.now(ZoneOffset.UTC));
    ENV.sql(
        ENV.registryDatabase(),
        "update servers set description = 'a place for permissions' where id = ?",
        SERVER);
  }

  @LocalServerPort int port;
  private EdgeHttp http;

  @BeforeEach
  void client() {
    http = new EdgeHttp(port);
  }

  private Reply as(UUID user, String path) {
    return http.get("/api/servers/" + SERVER + path, ENV.tokens().valid(user));
  }

  private static List<String> ids(JsonNode array) {
    var ids = new ArrayList<String>();
    array.forEach(node -> ids.add(node.get("id").stringValue()));
    return ids;
  }

  private static List<String> strings(UUID... ids) {
    return List.of(ids).stream().map(UUID::toString).toList();
  }

  private List<String> channels(UUID user) {
    var reply = as(user, "/channels");
    assertThat(reply.status()).as(reply.json().toString()).isEqualTo(200);
    return ids(reply.json().get("channels"));
  }

  private Reply search(UUID user, String query) {
    return as(user, "/messages/search?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8));
  }

  @Test
  void shouldListOnlyViewableChannelsWhenOverwritesDenyOrAllow() {
    assertThat(channels(OWNER)).isEqualTo(strings(GENERAL, STAFF));
    assertThat(channels(STAFFER)).isEqualTo(strings(GENERAL, STAFF));
    assertThat(channels(PLAIN)).isEqualTo(strings(GENERAL));
    assertThat(channels(DENIED)).isEmpty();
  }

  @Test
  void shouldAnswerChannelNotFoundWhenTheHistoryIsOfAChannelTheMemberCannotView() {
    assertProblem(as(PLAIN, "/channels/" + STAFF + "/messages"), 404, "CHANNEL_NOT_FOUND");
    assertProblem(as(DENIED, "/channels/" + GENERAL + "/messages"), 404, "CHANNEL_NOT_FOUND");
    assertProblem(
        as(PLAIN, "/channels/" + STAFF + "/messages?around=" + STAFF_SECRET),
        404,
        "CHANNEL_NOT_FOUND");
    var staff = as(STAFFER, "/channels/" + STAFF + "/messages");
    assertThat(staff.status()).isEqualTo(200);
    assertThat(ids(staff.json().get("messages")))
        .isEqualTo(strings(STAFF_NOTE, STAFF_DELETED, STAFF_SECRET));
  }

  @Test
  void shouldFindOnlyMessagesOfViewableChannelsNewestFirstWhenSearching() {
    assertThat(ids(search(STAFFER, "apple").json().get("messages")))
        .isEqualTo(strings(STAFF_SECRET, GREETING));
    assertThat(ids(search(PLAIN, "apple").json().get("messages"))).isEqualTo(strings(GREETING));
    assertThat(ids(search(DENIED, "apple").json().get("messages"))).isEmpty();
    assertThat(ids(search(OWNER, "\"banana split\" or secret").json().get("messages")))
        .isEqualTo(strings(STAFF_SECRET, PLAIN_REPLY));
    assertThat(ids(search(OWNER, "apple -pie").json().get("messages")))
        .isEqualTo(strings(GREETING));
    assertThat(ids(as(OWNER, "/messages/search?q=apple&limit=1").json().get("messages")))
        .isEqualTo(strings(STAFF_SECRET));
    var found = search(OWNER, "banana").json().get("messages").get(0);
    assertThat(found.get("serverId").stringValue()).isEqualTo(SERVER.toString());
    assertThat(found.get("content").stringValue()).isEqualTo("banana split");
  }

  @Test
  void shouldAnswerValidationFailedWhenTheSearchQueryIsEmptyOrTooLong() {
    assertProblem(as(OWNER, "/messages/search"), 400, "VALIDATION_FAILED");
    assertProblem(as(OWNER, "/messages/search?q="), 400, "VALIDATION_FAILED");
    assertProblem(search(OWNER, "a".repeat(201)), 400, "VALIDATION_FAILED");
    assertProblem(as(OWNER, "/messages/search?q=a&limit=101"), 400, "INVALID_CURSOR");
    assertThat(search(OWNER, "a".repeat(200)).status()).isEqualTo(200);
    assertProblem(search(OUTSIDER, "apple"), 404, "SERVER_NOT_FOUND");
  }

  @Test
  void shouldCountMessagesOfOthersAfterTheReadMarkerWhenListingChannels() {
    var plain = as(PLAIN, "/channels").json().get("channels");
    var staffer = as(STAFFER, "/channels").json().get("channels");
    var owner = as(OWNER, "/channels").json().get("channels");

    // Never read: every message of others, not deleted.
    assertThat(plain.get(0).get("unreadCount").longValue()).isEqualTo(1);
    // Read up to seq 10 in general; in staff the own message and the deleted one do not count.
    assertThat(staffer.get(0).get("unreadCount").longValue()).isEqualTo(1);
    assertThat(staffer.get(1).get("unreadCount").longValue()).isEqualTo(1);
    assertThat(owner.get(0).get("unreadCount").longValue()).isEqualTo(1);
    assertThat(owner.get(1).get("unreadCount").longValue()).isEqualTo(1);
    ENV.markRead(SERVER, OWNER, STAFF, 14);
    assertThat(as(OWNER, "/channels").json().get("channels").get(1).get("unreadCount").longValue())
        .isZero();
  }

  @Test
  void shouldListRolesEveryoneFirstWhenAnyMemberAsks() {
    var reply = as(DENIED, "/roles");

    assertThat(reply.status()).isEqualTo(200);
    var roles = reply.json().get("roles");
    assertThat(ids(roles)).isEqualTo(strings(SERVER, STAFF_ROLE, MANAGER_ROLE));
    var everyone = roles.get(0);
    assertThat(everyone.get("everyone").booleanValue()).isTrue();
    assertThat(everyone.get("name").stringValue()).isEqualTo("@everyone");
    var permissions = new ArrayList<String>();
    everyone.get("permissions").forEach(p -> permissions.add(p.stringValue()));
    assertThat(permissions).containsExactly("SEND_MESSAGES", "VIEW_CHANNEL", "CREATE_INVITES");
    assertThat(roles.get(1).get("everyone").booleanValue()).isFalse();
    assertProblem(
        http.get("/api/servers/" + SERVER + "/roles", ENV.tokens().valid(OUTSIDER)),
        404,
        "SERVER_NOT_FOUND");
  }

  @Test
  void shouldServeOverwritesOnlyToMembersWhoManageChannelsWhenAsked() {
    var reply = as(OWNER, "/channels/" + STAFF + "/overwrites");

    assertThat(reply.status()).isEqualTo(200);
    var overwrites = reply.json().get("overwrites");
    assertThat(overwrites).hasSize(2);
    var byTarget = new java.util.HashMap<String, JsonNode>();
    overwrites.forEach(o -> byTarget.put(o.get("targetId").stringValue(), o));
    assertThat(byTarget.get(SERVER.toString()).get("type").stringValue()).isEqualTo("ROLE");
    assertThat(byTarget.get(SERVER.toString()).get("deny").get(0).stringValue())
        .isEqualTo("VIEW_CHANNEL");
    assertThat(byTarget.get(STAFF_ROLE.toString()).get("allow").get(0).stringValue())
        .isEqualTo("VIEW_CHANNEL");
    assertProblem(as(PLAIN, "/channels/" + GENERAL + "/overwrites"), 403, "MISSING_PERMISSION");
    assertProblem(as(PLAIN, "/channels/" + STAFF + "/overwrites"), 404, "CHANNEL_NOT_FOUND");
    assertProblem(
        as(OWNER, "/channels/" + UUID.randomUUID() + "/overwrites"), 404, "CHANNEL_NOT_FOUND");
  }

  @Test
  void shouldServeTheAuditLogToManagersOnlyWhenAsked() {
    var owner = as(OWNER, "/audit-log");
    var manager = as(MANAGER, "/audit-log?limit=2");

    assertThat(owner.status()).isEqualTo(200);
    assertThat(ids(owner.json().get("entries")))
        .isEqualTo(strings(AUDIT.get(2), AUDIT.get(1), AUDIT.get(0)));
    var newest = owner.json().get("entries").get(0);
    assertThat(newest.get("action").stringValue()).isEqualTo("MEMBER_KICK");
    assertThat(newest.get("actorId").stringValue()).isEqualTo(OWNER.toString());
    assertThat(newest.get("targetId").stringValue()).isEqualTo(PLAIN.toString());
    assertThat(newest.get("reason").stringValue()).isEqualTo("reason 2");
    assertThat(newest.get("details").get("n").intValue()).isEqualTo(2);
    assertThat(newest.get("occurredAt").stringValue()).endsWith("Z");
    assertThat(ids(manager.json().get("entries"))).isEqualTo(strings(AUDIT.get(2), AUDIT.get(1)));
    assertThat(manager.json().get("hasMore").booleanValue()).isTrue();
    var older = as(MANAGER, "/audit-log?limit=2&before=" + AUDIT.get(1));
    assertThat(ids(older.json().get("entries"))).isEqualTo(strings(AUDIT.get(0)));
    assertThat(older.json().get("hasMore").booleanValue()).isFalse();
    assertProblem(as(PLAIN, "/audit-log"), 403, "MISSING_PERMISSION");
    assertProblem(as(STAFFER, "/audit-log"), 403, "MISSING_PERMISSION");
    assertProblem(as(OUTSIDER, "/audit-log"), 404, "SERVER_NOT_FOUND");
    assertProblem(as(OWNER, "/audit-log?before=" + UUID.randomUUID()), 400, "INVALID_CURSOR");
  }

  @Test
  void shouldListMembersWithTheirRolesWhenAsked() {
    var members = as(PLAIN, "/members").json().get("members");

    var roles = new java.util.HashMap<String, List<String>>();
    members.forEach(
        member -> {
          var held = new ArrayList<String>();
          member.get("roles").forEach(role -> held.add(role.stringValue()));
          roles.put(member.get("userId").stringValue(), held);
        });
    assertThat(roles).hasSize(5);
    assertThat(roles.get(STAFFER.toString())).containsExactly(STAFF_ROLE.toString());
    assertThat(roles.get(MANAGER.toString())).containsExactly(MANAGER_ROLE.toString());
    assertThat(roles.get(PLAIN.toString())).isEmpty();
  }

  @Test
  void shouldServeStatsAndTheDescriptionWhenAMemberAsks() {
    var stats = as(DENIED, "/stats");
    var servers = http.get("/api/servers", ENV.tokens().valid(PLAIN)).json().get("servers");

    assertThat(stats.status()).isEqualTo(200);
    assertThat(stats.json().get("members").longValue()).isEqualTo(5);
    var day = stats.json().get("messagesPerDay").get(0);
    assertThat(day.get("day").stringValue()).isEqualTo(LocalDate.now(ZoneOffset.UTC).toString());
    assertThat(day.get("messages").longValue()).isEqualTo(4);
    assertThat(servers.get(0).get("description").stringValue())
        .isEqualTo("a place for permissions");
    assertProblem(as(OUTSIDER, "/stats"), 404, "SERVER_NOT_FOUND");
  }

  @Test
  void shouldRenderSystemMessagesWithTheirTypeWhenPaged() {
    var owner = UUID.randomUUID();
    var server = ENV.createServer("Joined", owner);
    var channel = ENV.addChannel(server, "general", 0);
    var joined = UUID.randomUUID();
    ENV.sql(
        ENV.databaseOf(server),
        "insert into messages(id, channel_id, author_id, content, created_at, seq, kind,"
            + " system_type) values (?, ?, ?, null, now(), 5, 'SYSTEM', 'JOINED')",
        joined,
        channel,
        owner);

    var message =
        http.get(
                "/api/servers/" + server + "/channels/" + channel + "/messages",
                ENV.tokens().valid(owner))
            .json()
            .get("messages")
            .get(0);

    assertThat(message.get("id").stringValue()).isEqualTo(joined.toString());
    assertThat(message.get("type").stringValue()).isEqualTo("SYSTEM");
    assertThat(message.get("systemType").stringValue()).isEqualTo("JOINED");
    assertThat(message.get("content").isNull()).isTrue();
    assertThat(message.get("deleted").booleanValue()).isFalse();
  }

  @Test
  void shouldAnswerServerNotFoundEverywhereWhenTheServerIsDeleted() {
    var owner = UUID.randomUUID();
    var server = ENV.createServer("Gone", owner);
    var channel = ENV.addChannel(server, "general", 0);
    assertThat(http.get("/api/servers", ENV.tokens().valid(owner)).json().get("servers"))
        .hasSize(1);

    ENV.deleteServer(server);

    assertThat(http.get("/api/servers", ENV.tokens().valid(owner)).json().get("servers")).isEmpty();
    for (var path :
        List.of(
            "/channels",
            "/channels/" + channel + "/messages",
            "/members",
            "/roles",
            "/stats",
            "/audit-log",
            "/messages/search?q=x")) {
      assertProblem(
          http.get("/api/servers/" + server + path, ENV.tokens().valid(owner)),
          404,
          "SERVER_NOT_FOUND");
    }
  }

  @Test
  void shouldAnswerUnavailableForItsReadsWhenTheServerIsOnAClusterNotConfigured() {
    var owner = UUID.randomUUID();
    var server = ENV.createServer("Elsewhere", owner, "mars");
    var channel = ENV.addChannel(server, "general", 0);

    assertThat(http.get("/api/servers", ENV.tokens().valid(owner)).json().get("servers"))
        .hasSize(1);
    for (var path : List.of("", "/channels", "/channels/" + channel + "/messages", "/members")) {
      assertProblem(
          http.get("/api/servers/" + server + path, ENV.tokens().valid(owner)), 503, "UNAVAILABLE");
    }
  }

  @Test
  void shouldReadAServerDatabaseAsItsOwnRoleWhenItsRowCarriesSealedCredentials() {
    var owner = UUID.randomUUID();
    var server = ENV.createServer("Own role", owner);
    var channel = ENV.addChannel(server, "general", 0);
    ENV.addMessage(server, channel, owner, "hello", 1);

    var page =
        http.get(
            "/api/servers/" + server + "/channels/" + channel + "/messages",
            ENV.tokens().valid(owner));

    assertThat(page.status()).as(page.json().toString()).isEqualTo(200);
    assertThat(page.json().get("messages").get(0).get("content").stringValue()).isEqualTo("hello");
    assertThat(ENV.sessionsOf(ENV.databaseOf(server))).containsOnly(ENV.databaseOf(server));
  }

  private static void assertProblem(Reply reply, int status, String code) {
    assertThat(reply.status()).as(reply.json().toString()).isEqualTo(status);
    assertThat(reply.contentType()).startsWith("application/problem+json");
    assertThat(reply.json().get("code").stringValue()).isEqualTo(code);
  }
}
