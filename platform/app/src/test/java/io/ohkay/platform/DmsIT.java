package io.ohkay.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ohkay.platform.infra.SharedInfrastructure;
import io.ohkay.projector.rebuild.DatabaseVerifier;
import io.ohkay.projector.rebuild.RebuildKind;
import io.ohkay.projector.rebuild.RebuildRequest;
import io.ohkay.projector.rebuild.Rebuilder;
import io.ohkay.schemas.id.ConversationId;
import io.ohkay.schemas.id.UserId;
import io.ohkay.schemas.json.Json;
import io.ohkay.schemas.topic.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Direct messages end to end: only their two participants see them (listed, paged, streamed), "get
 * or create" gives one conversation however many ask at once, only authors delete, unread counts
 * follow sends and reads, a block holds from the next command, offline recipients and invitees are
 * notified, and {@code ohkay_dms} and the notifications rebuild equal from the topics.
 */
@SpringBootTest(
    classes = PlatformApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DmsIT {

  static final String NAMESPACE = SharedInfrastructure.uniqueName("dms");
  private static final Duration PROPAGATION = Duration.ofSeconds(15);
  private static final int CONCURRENT_OPENS = 50;

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    PlatformTestSupport.register(registry, NAMESPACE);
  }

  @Value("${local.server.port}")
  int port;

  @Autowired Rebuilder rebuilder;
  @Autowired DatabaseVerifier verifier;

  private Requests requests;
  private LiveStreams live;

  @BeforeEach
  void setUp() {
    requests = new Requests(LiveStreams.http(port));
    live = new LiveStreams(port);
  }

  @AfterEach
  void closeStreams() {
    live.close();
  }

  @Test
  void shouldKeepAConversationToItsParticipantsWhenAStrangerAsksOrListens() {
    var alice = requests.user("alice");
    var bob = requests.user("bob");
    var eve = requests.user("eve");
    var aliceStream = live.open(alice.bearer());
    var bobStream = live.open(bob.bearer());
    var eveStream = live.open(eve.bearer());

    var conversation = open(alice, bob, 201);
    assertThat(conversation).isEqualTo(ConversationId.between(id(alice), id(bob)).toString());
    var hello = send(alice, conversation, "hello bob");
    var reply = send(bob, conversation, "hi alice");

    await()
        .atMost(PROPAGATION)
        .until(
            () ->
                List.of(aliceStream, bobStream).stream()
                    .allMatch(s -> s.contains(hello) && s.contains(reply)));
    var path = "/api/dms/" + conversation;
    var strangerAnswers =
        List.of(
            requests.read(eve, path + "/messages"),
            requests.read(eve, path + "/messages?before=" + reply),
            requests.send(eve, "POST", path + "/messages", Map.of("content", "let me in")),
            requests.send(eve, "DELETE", path + "/messages/" + hello, null),
            requests.send(eve, "PUT", path + "/read", null));
    assertThat(strangerAnswers)
        .allSatisfy(
            answer -> {
              assertThat(answer.status()).isEqualTo(404);
              assertThat(answer.code()).isEqualTo("CONVERSATION_NOT_FOUND");
              assertThat(answer.body().toString()).doesNotContain("hello bob", "hi alice");
            });
    assertThat(requests.read(eve, "/api/dms").body().get("conversations")).isEmpty();
    var page = requests.read(bob, path + "/messages").body();
    assertThat(page.get("messages"))
        .extracting(m -> m.get("content").asString())
        .containsExactly("hi alice", "hello bob");
    var listed = requests.read(bob, "/api/dms").body().get("conversations");
    assertThat(listed).hasSize(1);
    assertThat(listed.get(0).get("recipient").get("id").asString()).isEqualTo(id(alice).toString());
    assertThat(listed.get(0).get("lastMessage").get("id").asString()).isEqualTo(reply);
    // A message reaches both participants once, and nobody else ever sees a DM: once a later DM to
    // eve has reached her stream, theirs would have too.
    assertThat(eventsMentioning(aliceStream, hello)).isEqualTo(1);
    assertThat(eventsMentioning(bobStream, hello)).isEqualTo(1);
    var toEve = open(alice, eve, 201);
    var sentinel = send(alice, toEve, "hello eve");
    await().atMost(PROPAGATION).until(() -> eveStream.contains(sentinel));
    assertThat(eveStream.events())
        .filteredOn(e -> e.event() != null && e.event().startsWith("dm."))
        .isNotEmpty()
        .allSatisfy(e -> assertThat(e.data()).contains(toEve));
    assertThat(eveStream.events())
        .noneMatch(e -> e.data() != null && e.data().contains(conversation))
        .noneMatch(e -> e.data() != null && e.data().contains(hello))
        .noneMatch(e -> e.data() != null && e.data().contains(reply));
  }

  @Test
  void shouldGiveOneConversationWhenBothSidesGetOrCreateAtOnce() throws Exception {
    var alice = requests.user("alice");
    var bob = requests.user("bob");
    var calls = new ArrayList<Callable<Requests.Answer>>();
    for (var i = 0; i < CONCURRENT_OPENS; i++) {
      var from = i % 2 == 0 ? alice : bob;
      var to = from == alice ? bob : alice;
      calls.add(() -> requests.send(from, "POST", "/api/dms/" + to.id(), null));
    }

    List<Requests.Answer> answers = new ArrayList<>();
    try (var pool = Executors.newFixedThreadPool(CONCURRENT_OPENS)) {
      for (var future : pool.invokeAll(calls)) {
        answers.add(future.get());
      }
    }

    assertThat(answers).extracting(Requests.Answer::status).containsOnly(200, 201);
    assertThat(answers).filteredOn(a -> a.status() == 201).hasSize(1);
    assertThat(answers.stream().map(a -> a.body().get("id").asString()).distinct()).hasSize(1);
    for (var user : List.of(alice, bob)) {
      await()
          .atMost(PROPAGATION)
          .until(() -> requests.read(user, "/api/dms").body().get("conversations").size() == 1);
    }
    var conversation = answers.getFirst().body().get("id").asString();
    assertThat(WrittenState.eventTypes(NAMESPACE, Topics.DM_EVENTS, conversation))
        .containsOnlyOnce("dm.conversation.opened.v1")
        .containsOnly("dm.conversation.opened.v1");
  }

  @Test
  void shouldLetOnlyTheAuthorDeleteAndKeepUnreadCountsRightWhenSendsAndReadsMix() {
    var alice = requests.user("alice");
    var bob = requests.user("bob");
    var conversation = open(alice, bob, 201);
    var path = "/api/dms/" + conversation;
    var aliceFirst = send(alice, conversation, "first");

    var byBob = requests.send(bob, "DELETE", path + "/messages/" + aliceFirst, null);
    assertThat(byBob.status()).isEqualTo(403);
    assertThat(byBob.code()).isEqualTo("NOT_MESSAGE_AUTHOR");
    requests.ok(alice, "DELETE", path + "/messages/" + aliceFirst, null, 204);
    var tombstone = requests.read(bob, path + "/messages").body().get("messages").get(0);
    assertThat(tombstone.get("content").isNull()).isTrue();
    assertThat(tombstone.get("deletedAt")).isNotNull();
    assertThat(requests.send(alice, "DELETE", path + "/messages/" + aliceFirst, null).code())
        .isEqualTo("MESSAGE_NOT_FOUND");

    // The model: messages in decision order (each request waits for its outcome), and for each
    // user how many of them a read covered.
    var random = new Random(20261121L);
    var model = new ArrayList<ModelMessage>();
    var readUpTo = new HashMap<UUID, Integer>(Map.of(alice.id(), 0, bob.id(), 0));
    for (var step = 0; step < 40; step++) {
      var actor = random.nextBoolean() ? alice : bob;
      var roll = random.nextInt(10);
      var own = model.stream().filter(m -> m.author() == actor && !m.deleted()).findAny();
      if (roll < 6) {
        model.add(new ModelMessage(send(actor, conversation, "step " + step), actor, false));
      } else if (roll < 8 || own.isEmpty()) {
        requests.ok(actor, "PUT", path + "/read", null, 204);
        readUpTo.put(actor.id(), model.size());
      } else {
        requests.ok(actor, "DELETE", path + "/messages/" + own.get().id(), null, 204);
        model.set(model.indexOf(own.get()), own.get().delete());
      }
    }

    for (var user : List.of(alice, bob)) {
      var expected =
          model.subList(readUpTo.get(user.id()), model.size()).stream()
              .filter(m -> m.author() != user && !m.deleted())
              .count();
      var listed = requests.read(user, "/api/dms").body().get("conversations").get(0);
      assertThat(listed.get("unreadCount").asLong())
          .as("unread of %s", user.id())
          .isEqualTo(expected);
    }
    assertThat(readUpTo.values()).as("the sequence read something").anyMatch(n -> n > 0);
    assertThat(model).as("the sequence deleted something").anyMatch(ModelMessage::deleted);
  }

  private record ModelMessage(String id, Api.User author, boolean deleted) {
    ModelMessage delete() {
      return new ModelMessage(id, author, true);
    }
  }

  @Test
  void shouldRefuseTheVeryNextCommandWhenEitherSideBlocks() {
    var alice = requests.user("alice");
    var bob = requests.user("bob");
    var conversation = open(alice, bob, 201);
    send(alice, conversation, "before the block");

    requests.ok(bob, "PUT", "/api/blocks/" + alice.id(), null, 204);
    var refused =
        List.of(
            requests.send(alice, "POST", "/api/dms/" + conversation + "/messages", content("x")),
            requests.send(alice, "POST", "/api/dms/" + bob.id(), null),
            requests.send(bob, "POST", "/api/dms/" + conversation + "/messages", content("y")));

    assertThat(refused)
        .allSatisfy(
            answer -> {
              assertThat(answer.status()).isEqualTo(403);
              assertThat(answer.code()).isEqualTo("CANNOT_SEND");
              assertThat(answer.body().toString().toLowerCase()).doesNotContain("block");
            });
    assertThat(requests.read(bob, "/api/blocks").body().get("blocks"))
        .extracting(b -> b.get("userId").asString())
        .containsExactly(alice.id().toString());
    assertThat(requests.read(alice, "/api/blocks").body().get("blocks")).isEmpty();

    requests.ok(bob, "DELETE", "/api/blocks/" + alice.id(), null, 204);
    send(alice, conversation, "after the block");
  }

  @Test
  void shouldNotifyOfflineRecipientsAndInviteesAndRebuildEqualWhenReplayed() throws Exception {
    var alice = requests.user("alice");
    var bob = requests.user("bob");
    var conversation = open(alice, bob, 201);

    var whileAway = send(alice, conversation, "are you there?");
    await()
        .atMost(PROPAGATION)
        .until(() -> requests.notificationsOf(bob).stream().anyMatch(n -> isAbout(n, whileAway)));
    var dm = requests.notificationsOf(bob).getFirst();
    assertThat(dm.get("kind").asString()).isEqualTo("DM");
    assertThat(dm.get("conversationId").asString()).isEqualTo(conversation);
    assertThat(dm.get("actorId").asString()).isEqualTo(alice.id().toString());
    assertThat(requests.notificationsOf(alice)).isEmpty();

    var bobStream = live.open(bob.bearer());
    // Presence travels through ohkay.ephemeral: once it has arrived, DMs stop raising
    // notifications.
    await()
        .atMost(PROPAGATION)
        .until(
            () -> {
              var sent = send(alice, conversation, "now?");
              await().atMost(PROPAGATION).until(() -> bobStream.contains(sent));
              return requests.notificationsOf(bob).stream().noneMatch(n -> isAbout(n, sent));
            });

    var server = requests.ok(alice, "POST", "/api/servers", Map.of("name", "Invites"), 201).body();
    var serverId = server.get("id").asString();
    var invite =
        requests
            .ok(alice, "POST", "/api/servers/" + serverId + "/invites", invitee(bob), 201)
            .body();
    var code = invite.get("code").asString();
    await()
        .atMost(PROPAGATION)
        .until(
            () -> requests.notificationsOf(bob).stream().anyMatch(n -> "INVITE".equals(kind(n))));
    var invited =
        requests.notificationsOf(bob).stream()
            .filter(n -> "INVITE".equals(kind(n)))
            .findFirst()
            .get();
    assertThat(invited.get("serverId").asString()).isEqualTo(serverId);
    assertThat(invited.get("inviteCode").asString()).isEqualTo(code);
    await()
        .atMost(PROPAGATION)
        .until(
            () ->
                bobStream.events().stream()
                    .anyMatch(
                        e -> "notification.created".equals(e.event()) && e.data().contains(code)));
    assertThat(
            requests
                .send(alice, "POST", "/api/servers/" + serverId + "/invites", invitee(alice))
                .code())
        .isEqualTo("VALIDATION_FAILED");

    for (var kind : List.of(RebuildKind.DMS, RebuildKind.AUTH)) {
      var request =
          RebuildRequest.of(kind, null, NAMESPACE + "_rebuilt_" + kind.name().toLowerCase());
      rebuilder.rebuild(request);
      assertThat(verifier.diff(rebuilder.liveDatabase(request), request.targetDatabase()))
          .as("rebuilt %s", kind)
          .isEmpty();
    }
  }

  @Test
  void shouldStreamPresenceAndTypingToCoMembersAndPartnersOnlyWhenAUserComesTypesAndIdles() {
    var alice = requests.user("alice");
    var coMember = requests.user("bob");
    var partner = requests.user("carol");
    var stranger = requests.user("eve");
    var server = requests.ok(alice, "POST", "/api/servers", Map.of("name", "Room"), 201).body();
    var serverId = server.get("id").asString();
    var channelId = server.get("channels").get(0).get("id").asString();
    var code =
        requests
            .ok(alice, "POST", "/api/servers/" + serverId + "/invites", Map.of(), 201)
            .body()
            .get("code")
            .asString();
    requests.ok(coMember, "POST", "/api/invites/" + code + "/accept", null, 200);
    var conversation = open(alice, partner, 201);
    var coMemberStream = live.open(coMember.bearer());
    var partnerStream = live.open(partner.bearer());
    var strangerStream = live.open(stranger.bearer());

    live.open(alice.bearer());
    await().atMost(PROPAGATION).until(() -> saw(coMemberStream, "presence", alice, "online"));
    await().atMost(PROPAGATION).until(() -> saw(partnerStream, "presence", alice, "online"));
    requests.ok(
        alice,
        "POST",
        "/api/servers/" + serverId + "/channels/" + channelId + "/typing",
        null,
        204);
    requests.ok(alice, "POST", "/api/dms/" + conversation + "/typing", null, 204);
    await().atMost(PROPAGATION).until(() -> saw(coMemberStream, "typing", alice, channelId));
    await().atMost(PROPAGATION).until(() -> saw(partnerStream, "typing", alice, conversation));
    requests.ok(alice, "PUT", "/api/presence", Map.of("status", "idle"), 204);
    await().atMost(PROPAGATION).until(() -> saw(partnerStream, "presence", alice, "idle"));

    assertThat(saw(coMemberStream, "typing", alice, conversation)).isFalse();
    assertThat(saw(partnerStream, "typing", alice, channelId)).isFalse();
    // Delivered to every stream in one pass, so the stranger's would have come with the others'.
    assertThat(strangerStream.events())
        .extracting(ServerSentEvent::event)
        .doesNotContain("presence", "typing");
    assertThat(coMemberStream.events())
        .filteredOn(e -> "presence".equals(e.event()) || "typing".equals(e.event()))
        .allSatisfy(e -> assertThat(e.id()).isNull());
  }

  /** Whether {@code stream} got a {@code name} event about {@code user} mentioning {@code what}. */
  private static boolean saw(LiveStreams.Stream stream, String name, Api.User user, String what) {
    return stream.events().stream()
        .anyMatch(
            e ->
                name.equals(e.event())
                    && e.data().contains(user.id().toString())
                    && e.data().contains(what));
  }

  @Test
  void shouldAnswerProblemJsonAndWriteNothingWhenDmInputIsBad() throws Exception {
    var alice = requests.user("alice");
    var bob = requests.user("bob");
    var conversation = open(alice, bob, 201);
    var hello = send(alice, conversation, "hello");
    requests.read(alice, "/api/dms/" + conversation + "/messages");
    var server = requests.ok(alice, "POST", "/api/servers", Map.of("name", "Quiet"), 201).body();
    var serverId = UUID.fromString(server.get("id").asString());
    requests.read(alice, "/api/servers/" + serverId + "/channels");
    await().atMost(PROPAGATION).until(() -> WrittenState.userProjected(NAMESPACE, bob.id()));
    var before = WrittenState.capture(NAMESPACE, serverId);
    var dmCommandsBefore = WrittenState.endOffset(NAMESPACE, Topics.DM_COMMANDS);
    var path = "/api/dms/" + conversation;
    var invites = "/api/servers/" + serverId + "/invites";
    var unknown = UUID.randomUUID();
    var token = alice.bearer();

    // Refused over HTTP, before any command is appended.
    var validated =
        List.of(
            new Bad("POST", "/api/dms/not-a-uuid", token, null, 400, "INVALID_ID"),
            new Bad("POST", "/api/dms/" + unknown, token, null, 404, "ACCOUNT_NOT_FOUND"),
            new Bad("POST", "/api/dms/" + alice.id(), token, null, 400, "VALIDATION_FAILED"),
            new Bad("POST", "/api/dms/x/messages", token, json(content("a")), 400, "INVALID_ID"),
            new Bad(
                "POST",
                path + "/messages",
                token,
                json(content("a".repeat(4001))),
                400,
                "VALIDATION_FAILED"),
            new Bad("POST", path + "/messages", token, json(content("")), 400, "VALIDATION_FAILED"),
            new Bad(
                "POST", path + "/messages", token, "{\"text\":\"a\"}", 400, "VALIDATION_FAILED"),
            new Bad("POST", path + "/messages", token, "{\"content\":", 400, "MALFORMED_JSON"),
            new Bad("DELETE", path + "/messages/nope", token, null, 400, "INVALID_ID"),
            new Bad("GET", "/api/dms/x/messages", token, null, 400, "INVALID_ID"),
            new Bad(
                "GET",
                "/api/dms/" + unknown + "/messages",
                token,
                null,
                404,
                "CONVERSATION_NOT_FOUND"),
            new Bad("GET", path + "/messages?before=nope", token, null, 400, "INVALID_ID"),
            new Bad("GET", path + "/messages?limit=1000", token, null, 400, "INVALID_CURSOR"),
            new Bad("PUT", "/api/blocks/" + unknown, token, null, 404, "ACCOUNT_NOT_FOUND"),
            new Bad("PUT", "/api/blocks/" + alice.id(), token, null, 400, "VALIDATION_FAILED"),
            new Bad("PUT", "/api/blocks/nope", token, null, 400, "INVALID_ID"),
            new Bad("POST", invites, token, json(invitee(unknown)), 404, "ACCOUNT_NOT_FOUND"),
            new Bad("POST", invites, token, "{\"inviteeId\":\"x\"}", 400, "VALIDATION_FAILED"));
    assertProblems(validated);
    assertThat(WrittenState.endOffset(NAMESPACE, Topics.DM_COMMANDS))
        .as("DM commands after requests refused over HTTP")
        .isEqualTo(dmCommandsBefore);

    // Refused by the conversation's decider: the command is appended, no fact.
    var decided =
        List.of(
            new Bad(
                "POST",
                "/api/dms/" + unknown + "/messages",
                token,
                json(content("a")),
                404,
                "CONVERSATION_NOT_FOUND"),
            new Bad("DELETE", path + "/messages/" + unknown, token, null, 404, "MESSAGE_NOT_FOUND"),
            new Bad(
                "PUT",
                "/api/dms/" + unknown + "/read",
                token,
                null,
                404,
                "CONVERSATION_NOT_FOUND"));
    assertProblems(decided);
    assertThat(WrittenState.endOffset(NAMESPACE, Topics.DM_COMMANDS))
        .as("DM commands after requests the decider refused")
        .isGreaterThan(dmCommandsBefore);
    assertThat(WrittenState.capture(NAMESPACE, serverId)).isEqualTo(before);
    // Read without the last write's position: it is the server's, which ohkay_dms never holds.
    var unpositioned = new Requests(LiveStreams.http(port));
    assertThat(unpositioned.read(bob, "/api/dms/" + conversation + "/messages").body().toString())
        .contains(hello);
  }

  /** Each answers its problem+json, typed by an absolute URI. */
  private void assertProblems(List<Bad> refused) {
    var http = LiveStreams.http(port);
    for (var bad : refused) {
      assertThat(bad.assertRefused(http).get("type").asString())
          .as("type of %s", bad)
          .startsWith("https://");
    }
  }

  private String open(Api.User from, Api.User to, int status) {
    return requests
        .ok(from, "POST", "/api/dms/" + to.id(), null, status)
        .body()
        .get("id")
        .asString();
  }

  private String send(Api.User author, String conversation, String text) {
    return requests
        .ok(author, "POST", "/api/dms/" + conversation + "/messages", content(text), 201)
        .body()
        .get("id")
        .asString();
  }

  private static boolean isAbout(JsonNode notification, String messageId) {
    return messageId.equals(notification.path("messageId").asString(""));
  }

  private static String kind(JsonNode notification) {
    return notification.get("kind").asString();
  }

  /** The DM events of {@code stream} whose data names {@code text}. */
  private static long eventsMentioning(LiveStreams.Stream stream, String text) {
    return stream.events().stream()
        .filter(e -> e.event() != null && e.event().startsWith("dm."))
        .filter(e -> e.data() != null && e.data().contains(text))
        .count();
  }

  private static Map<String, Object> content(String text) {
    return Map.of("content", text);
  }

  private static String json(Map<String, Object> body) {
    return new String(Json.write(body), StandardCharsets.UTF_8);
  }

  private static Map<String, Object> invitee(Api.User user) {
    return invitee(user.id());
  }

  private static Map<String, Object> invitee(UUID user) {
    return Map.of("inviteeId", user.toString());
  }

  private static UserId id(Api.User user) {
    return new UserId(user.id());
  }
}
