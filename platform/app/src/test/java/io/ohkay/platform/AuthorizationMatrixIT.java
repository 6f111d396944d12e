package io.ohkay.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ohkay.platform.infra.SharedInfrastructure;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Every server endpoint against every kind of actor: the owner, an administrator, a moderator
 * (kick, ban, manage messages), a plain member, a member denied one channel, a stranger and a
 * banned former member. Each cell's status is compared with the expected one; the test fails on any
 * mismatch and prints them all. Strangers and banned users get 404 everywhere and never see the
 * server's contents, in answers or on their streams; the denied member never sees the channel they
 * are denied.
 */
@SpringBootTest(
    classes = PlatformApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AuthorizationMatrixIT {

  static final String NAMESPACE = SharedInfrastructure.uniqueName("authz");
  private static final Duration PROPAGATION = Duration.ofSeconds(15);

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    PlatformTestSupport.register(registry, NAMESPACE);
  }

  @Value("${local.server.port}")
  int port;

  private LiveStreams live;
  private Requests requests;
  private Map<Actor, Api.User> users;
  private UUID server;
  private UUID general;
  private UUID secret;
  private final List<String> mismatches = new ArrayList<>();

  enum Actor {
    OWNER,
    ADMIN,
    MODERATOR,
    MEMBER,
    DENIED,
    STRANGER,
    BANNED
  }

  @BeforeEach
  void setUp() {
    var http = LiveStreams.http(port);
    live = new LiveStreams(port);
    requests = new Requests(http);
    users = new EnumMap<>(Actor.class);
    var accounts = new Accounts(http);
    for (var actor : Actor.values()) {
      var session =
          accounts.signedUp(
              actor.name().toLowerCase() + "-" + UUID.randomUUID() + "@example.com",
              "password of " + actor);
      users.put(actor, new Api.User(session.userId(), session.accessToken()));
    }
  }

  @AfterEach
  void closeStreams() {
    live.close();
  }

  @Test
  void shouldAnswerEveryEndpointForEveryActorAsExpectedWhenRolesAndOverwritesApply() {
    buildServer();
    var deniedStream = live.open(users.get(Actor.DENIED).bearer());
    var strangerStream = live.open(users.get(Actor.STRANGER).bearer());
    var bannedStream = live.open(users.get(Actor.BANNED).bearer());
    var secretMarker = "secret-" + UUID.randomUUID();
    var generalMarker = "general-" + UUID.randomUUID();
    requests.ok(owner(), "POST", messages(secret), Map.of("content", secretMarker), 201);
    requests.ok(owner(), "POST", messages(general), Map.of("content", generalMarker), 201);

    reads(secretMarker);
    messageWrites();
    channelWrites();
    roleWrites();
    memberWrites();
    serverWrites();

    assertThat(mismatches).as("authorization mismatches").isEmpty();
    await().atMost(PROPAGATION).until(() -> deniedStream.contains(generalMarker));
    assertThat(deniedStream.contains(secretMarker)).as("denied member's stream").isFalse();
    for (var stream : List.of(strangerStream, bannedStream)) {
      assertThat(stream.contains(generalMarker) || stream.contains(secretMarker))
          .as("non-member's stream")
          .isFalse();
    }
  }

  /** The server: roles, members, a channel one member may not view, a banned former member. */
  private void buildServer() {
    var created =
        requests.ok(owner(), "POST", "/api/servers", Map.of("name", "Matrix"), 201).body();
    server = UUID.fromString(created.get("id").asString());
    general = UUID.fromString(created.get("channels").get(0).get("id").asString());
    secret = createChannel("secret");
    var admin = createRole("Admins", List.of("ADMINISTRATOR"));
    var moderator =
        createRole("Moderators", List.of("KICK_MEMBERS", "BAN_MEMBERS", "MANAGE_MESSAGES"));
    var code = invite(owner());
    for (var actor : List.of(Actor.ADMIN, Actor.MODERATOR, Actor.MEMBER, Actor.DENIED)) {
      requests.ok(users.get(actor), "POST", "/api/invites/" + code + "/accept", null, 200);
    }
    requests.ok(users.get(Actor.BANNED), "POST", "/api/invites/" + code + "/accept", null, 200);
    assign(Actor.ADMIN, admin);
    assign(Actor.MODERATOR, moderator);
    requests.ok(
        owner(),
        "PUT",
        serverPath("/channels/" + secret + "/overwrites/" + id(Actor.DENIED)),
        Map.of("type", "MEMBER", "allow", List.of(), "deny", List.of("VIEW_CHANNEL")),
        204);
    requests.ok(owner(), "POST", serverPath("/bans/" + id(Actor.BANNED)), null, 204);
  }

  private void reads(String secretMarker) {
    var everyMember = expect(200, 200, 200, 200, 200);
    check("GET server", everyMember, actor -> get(actor, serverPath("")));
    check("GET members", everyMember, actor -> get(actor, serverPath("/members")));
    check("GET roles", everyMember, actor -> get(actor, serverPath("/roles")));
    check("GET stats", everyMember, actor -> get(actor, serverPath("/stats")));
    check("GET channels", everyMember, actor -> get(actor, serverPath("/channels")));
    check(
        "GET secret history",
        expect(200, 200, 200, 200, 404),
        actor -> get(actor, messages(secret)));
    check("GET general history", everyMember, actor -> get(actor, messages(general)));
    check(
        "GET secret overwrites",
        expect(200, 200, 403, 403, 404),
        actor -> get(actor, serverPath("/channels/" + secret + "/overwrites")));
    check(
        "GET audit log",
        expect(200, 200, 403, 403, 403),
        actor -> get(actor, serverPath("/audit-log")));
    check(
        "GET search",
        everyMember,
        actor -> get(actor, serverPath("/messages/search?q=" + secretMarker)));

    var denied = users.get(Actor.DENIED);
    assertThat(get(Actor.DENIED, serverPath("/channels")).body().toString())
        .doesNotContain(secret.toString());
    assertThat(
            get(Actor.DENIED, serverPath("/messages/search?q=" + secretMarker)).body().toString())
        .as("search of %s", denied.id())
        .doesNotContain(secretMarker);
    assertThat(
            get(Actor.MEMBER, serverPath("/messages/search?q=" + secretMarker)).body().toString())
        .contains(secretMarker);
    for (var outsider : List.of(Actor.STRANGER, Actor.BANNED)) {
      assertThat(get(outsider, messages(general)).body().toString()).doesNotContain("Matrix");
    }
  }

  private void messageWrites() {
    check(
        "POST message in secret",
        expect(201, 201, 201, 201, 404),
        actor -> call(actor, "POST", messages(secret), Map.of("content", "hi from " + actor)));
    check(
        "PATCH the owner's message",
        expect(200, 403, 403, 403, 404),
        actor -> {
          var message = ownerMessage(secret);
          return call(
              actor, "PATCH", messages(secret) + "/" + message, Map.of("content", "edited"));
        });
    check(
        "DELETE the owner's message",
        expect(204, 204, 204, 403, 404),
        actor -> call(actor, "DELETE", messages(secret) + "/" + ownerMessage(secret), null));
    check(
        "PUT secret read",
        expect(204, 204, 204, 204, 404),
        actor -> call(actor, "PUT", serverPath("/channels/" + secret + "/read"), null));
  }

  private void channelWrites() {
    check(
        "POST channel",
        expect(201, 201, 403, 403, 403),
        actor -> call(actor, "POST", serverPath("/channels"), Map.of("name", "new")));
    check(
        "PATCH secret channel",
        expect(200, 200, 403, 403, 404),
        actor -> call(actor, "PATCH", serverPath("/channels/" + secret), Map.of("name", "secret")));
    check(
        "DELETE a channel",
        expect(204, 204, 403, 403, 403),
        actor -> call(actor, "DELETE", serverPath("/channels/" + createChannel("doomed")), null));
    check(
        "PUT secret overwrite",
        expect(204, 204, 403, 403, 404),
        actor ->
            call(
                actor,
                "PUT",
                serverPath("/channels/" + secret + "/overwrites/" + id(Actor.MEMBER)),
                Map.of("type", "MEMBER", "allow", List.of("SEND_MESSAGES"), "deny", List.of())));
  }

  private void roleWrites() {
    check(
        "POST role",
        expect(201, 201, 403, 403, 403),
        actor ->
            call(
                actor,
                "POST",
                serverPath("/roles"),
                Map.of("name", "r", "permissions", List.of())));
    check(
        "PATCH role",
        expect(200, 200, 403, 403, 403),
        actor ->
            call(
                actor,
                "PATCH",
                serverPath("/roles/" + createRole("p", List.of())),
                Map.of("name", "q")));
    check(
        "DELETE role",
        expect(204, 204, 403, 403, 403),
        actor -> call(actor, "DELETE", serverPath("/roles/" + createRole("d", List.of())), null));
    check(
        "PUT member role",
        expect(204, 204, 403, 403, 403),
        actor ->
            call(
                actor,
                "PUT",
                serverPath("/members/" + id(Actor.MEMBER) + "/roles/" + createRole("a", List.of())),
                null));
  }

  private void memberWrites() {
    check(
        "POST invite",
        expect(201, 201, 201, 201, 201),
        actor -> call(actor, "POST", serverPath("/invites"), Map.of()));
    check(
        "DELETE (kick) a member",
        expect(204, 204, 204, 403, 403),
        actor -> call(actor, "DELETE", serverPath("/members/" + newMember()), null));
    check(
        "POST ban",
        expect(204, 204, 204, 403, 403),
        actor -> call(actor, "POST", serverPath("/bans/" + newMember()), null));
    check(
        "DELETE ban",
        expect(204, 204, 204, 403, 403),
        actor -> {
          var victim = newMember();
          requests.ok(owner(), "POST", serverPath("/bans/" + victim), null, 204);
          return call(actor, "DELETE", serverPath("/bans/" + victim), null);
        });
    check(
        "kick the administrator",
        Map.of(Actor.OWNER, 204, Actor.MODERATOR, 403, Actor.MEMBER, 403),
        actor -> {
          var admin = newMember();
          assign(admin, createRole("x", List.of("ADMINISTRATOR")));
          return call(actor, "DELETE", serverPath("/members/" + admin), null);
        });
  }

  private void serverWrites() {
    check(
        "PATCH server",
        expect(200, 200, 403, 403, 403),
        actor -> call(actor, "PATCH", serverPath(""), Map.of("name", "Matrix")));
    var everyoneButTheOwner = new EnumMap<Actor, Integer>(expect(0, 403, 403, 403, 403));
    everyoneButTheOwner.remove(Actor.OWNER);
    check(
        "DELETE server (not owner)",
        everyoneButTheOwner,
        actor -> call(actor, "DELETE", serverPath(""), null));
    check(
        "DELETE server (owner, last)",
        Map.of(Actor.OWNER, 204),
        actor -> call(actor, "DELETE", serverPath(""), null));
    check(
        "GET server after deletion",
        Map.of(Actor.OWNER, 404, Actor.MEMBER, 404),
        actor -> get(actor, serverPath("")));
  }

  /**
   * Runs {@code request} for each actor of {@code expected} plus the stranger and the banned user
   * (404 expected for both unless stated), recording every status that differs.
   */
  private void check(
      String row, Map<Actor, Integer> expected, Function<Actor, Requests.Answer> request) {
    var all = new EnumMap<>(expected);
    all.putIfAbsent(Actor.STRANGER, 404);
    all.putIfAbsent(Actor.BANNED, 404);
    all.forEach(
        (actor, status) -> {
          var answer = request.apply(actor);
          if (answer.status() != status) {
            mismatches.add(row + " / " + actor + ": expected " + status + ", got " + answer);
          }
          if (status == 404 && answer.body() != null) {
            assertThat(answer.body().toString()).doesNotContain("Matrix").doesNotContain("hi from");
          }
        });
  }

  /** Expected statuses of the five member kinds, in declaration order. */
  private static Map<Actor, Integer> expect(
      int owner, int admin, int moderator, int member, int denied) {
    var map = new EnumMap<Actor, Integer>(Actor.class);
    map.put(Actor.OWNER, owner);
    map.put(Actor.ADMIN, admin);
    map.put(Actor.MODERATOR, moderator);
    map.put(Actor.MEMBER, member);
    map.put(Actor.DENIED, denied);
    return map;
  }

  private Requests.Answer call(Actor actor, String method, String path, Object body) {
    return requests.send(users.get(actor), method, path, body);
  }

  private Requests.Answer get(Actor actor, String path) {
    return requests.read(users.get(actor), path);
  }

  private UUID createChannel(String name) {
    return UUID.fromString(
        requests
            .ok(owner(), "POST", serverPath("/channels"), Map.of("name", name), 201)
            .body()
            .get("id")
            .asString());
  }

  private UUID createRole(String name, List<String> permissions) {
    return UUID.fromString(
        requests
            .ok(
                owner(),
                "POST",
                serverPath("/roles"),
                Map.of("name", name, "permissions", permissions),
                201)
            .body()
            .get("id")
            .asString());
  }

  private void assign(Actor actor, UUID role) {
    assign(id(actor), role);
  }

  private void assign(UUID member, UUID role) {
    requests.ok(owner(), "PUT", serverPath("/members/" + member + "/roles/" + role), null, 204);
  }

  private String invite(Api.User inviter) {
    return requests
        .ok(inviter, "POST", serverPath("/invites"), Map.of(), 201)
        .body()
        .get("code")
        .asString();
  }

  /** A fresh member of the server, to be kicked or banned. */
  private UUID newMember() {
    var user = requests.signedUp("victim-" + UUID.randomUUID() + "@example.com");
    requests.ok(user, "POST", "/api/invites/" + invite(owner()) + "/accept", null, 200);
    return user.id();
  }

  private UUID ownerMessage(UUID channel) {
    return UUID.fromString(
        requests
            .ok(owner(), "POST", messages(channel), Map.of("content", "by the owner"), 201)
            .body()
            .get("id")
            .asString());
  }

  private Api.User owner() {
    return users.get(Actor.OWNER);
  }

  private UUID id(Actor actor) {
    return users.get(actor).id();
  }

  private String serverPath(String rest) {
    return "/api/servers/" + server + rest;
  }

  private String messages(UUID channel) {
    return Api.messagesPath(server, channel);
  }
}
