package io.ohkay.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ohkay.platform.infra.SharedInfrastructure;
import io.ohkay.projector.rebuild.DatabaseVerifier;
import io.ohkay.projector.rebuild.RebuildKind;
import io.ohkay.projector.rebuild.RebuildRequest;
import io.ohkay.projector.rebuild.Rebuilder;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Mentions become notifications: listed for the mentioned member only, announced on their stream
 * only, marked read one by one or all at once, and rebuilt equal from the topics.
 */
@SpringBootTest(
    classes = PlatformApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class NotificationsIT {

  static final String NAMESPACE = SharedInfrastructure.uniqueName("ntf");
  private static final Duration PROPAGATION = Duration.ofSeconds(15);

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
  void shouldNotifyOnlyTheMentionedMemberAndMarkReadOneByOneOrAllWhenMentioned() throws Exception {
    var owner = requests.user("owner");
    var member = requests.user("member");
    var bystander = requests.user("bystander");
    var server = requests.ok(owner, "POST", "/api/servers", Map.of("name", "Pings"), 201).body();
    var serverId = server.get("id").asString();
    var general = server.get("channels").get(0).get("id").asString();
    var code =
        requests
            .ok(owner, "POST", "/api/servers/" + serverId + "/invites", Map.of(), 201)
            .body()
            .get("code")
            .asString();
    for (var joiner : List.of(member, bystander)) {
      requests.ok(joiner, "POST", "/api/invites/" + code + "/accept", null, 200);
    }
    var memberStream = live.open(member.bearer());
    var bystanderStream = live.open(bystander.bearer());
    var messages = Api.messagesPath(UUID.fromString(serverId), UUID.fromString(general));

    var first = mention(owner, messages, member, "first");
    var second = mention(owner, messages, member, "second");

    await().atMost(PROPAGATION).until(() -> requests.notificationsOf(member).size() == 2);
    var listed = requests.notificationsOf(member);
    assertThat(listed)
        .extracting(n -> n.get("messageId").asString())
        .containsExactly(second, first);
    assertThat(listed).allSatisfy(n -> assertThat(n.get("readAt").isNull()).isTrue());
    assertThat(requests.notificationsOf(bystander)).isEmpty();
    await().atMost(PROPAGATION).until(() -> countOf(memberStream, "notification.created") == 2);
    // A later mention of the bystander, in the same channel: once its notification has arrived,
    // one for the member's mentions would have too.
    var sentinel = mention(owner, messages, bystander, "sentinel");
    await()
        .atMost(PROPAGATION)
        .until(
            () ->
                bystanderStream.events().stream()
                    .anyMatch(
                        e ->
                            "notification.created".equals(e.event())
                                && e.data().contains(sentinel)));
    assertThat(bystanderStream.events())
        .filteredOn(e -> "notification.created".equals(e.event()))
        .singleElement()
        .satisfies(e -> assertThat(e.data()).contains(sentinel).doesNotContain(first, second));

    var older = listed.get(1).get("id").asString();
    requests.ok(member, "PUT", "/api/notifications/" + older + "/read", null, 204);
    var afterOne = requests.read(member, "/api/notifications").body();
    assertThat(afterOne.get("unreadCount").asInt()).isEqualTo(1);
    assertThat(readAt(afterOne, older)).isNotNull();

    requests.ok(member, "PUT", "/api/notifications/read-all", null, 204);
    var afterAll = requests.read(member, "/api/notifications?unread=true").body();
    assertThat(afterAll.get("unreadCount").asInt()).isZero();
    assertThat(afterAll.get("notifications").size()).isZero();
    assertThat(requests.send(member, "PUT", "/api/notifications/nope/read", null).code())
        .isEqualTo("INVALID_ID");

    var request = RebuildRequest.of(RebuildKind.AUTH, null, NAMESPACE + "_rebuilt_auth");
    rebuilder.rebuild(request);
    assertThat(verifier.diff(rebuilder.liveDatabase(request), request.targetDatabase())).isEmpty();
  }

  private String mention(Api.User author, String messages, Api.User mentioned, String text) {
    return requests
        .ok(author, "POST", messages, Map.of("content", text + " <@" + mentioned.id() + ">"), 201)
        .body()
        .get("id")
        .asString();
  }

  private static String readAt(JsonNode page, String id) {
    for (var notification : page.get("notifications")) {
      if (notification.get("id").asString().equals(id)) {
        return notification.get("readAt").isNull() ? null : notification.get("readAt").asString();
      }
    }
    throw new AssertionError("notification " + id + " not listed");
  }

  private static long countOf(LiveStreams.Stream stream, String event) {
    return stream.events().stream().filter(e -> event.equals(e.event())).count();
  }
}
