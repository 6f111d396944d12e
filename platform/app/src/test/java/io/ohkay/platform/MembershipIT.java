package io.ohkay.platform;

import static io.ohkay.platform.Api.assertProblem;
import static io.ohkay.platform.Api.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ohkay.platform.infra.SharedInfrastructure;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Invites, leaving, kicks, bans and account deletion, end to end, live on the streams too. */
@SpringBootTest(
    classes = PlatformApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class MembershipIT {

  static final String NAMESPACE = SharedInfrastructure.uniqueName("mem");
  private static final Duration PROPAGATION = Duration.ofSeconds(10);

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    PlatformTestSupport.register(registry, NAMESPACE);
  }

  @Value("${local.server.port}")
  int port;

  private Api api;
  private Accounts accounts;
  private LiveStreams live;

  @BeforeEach
  void client() {
    var http = LiveStreams.http(port);
    api = new Api(http);
    accounts = new Accounts(http);
    live = new LiveStreams(port);
  }

  @AfterEach
  void closeStreams() {
    live.close();
  }

  @Test
  void shouldStreamAServerToAMemberFromTheJoinUntilTheKick() {
    var owner = user("owner");
    var bob = user("bob");
    var server = api.createServer(owner, "Club");
    var code = invite(owner, server, Map.of());

    accept(bob, code).expectStatus().isOk();
    var bobStream = live.open(bob.bearer());
    var ownerStream = live.open(owner.bearer());
    api.post(owner, server, "welcome bob").expectStatus().isCreated();
    await().atMost(PROPAGATION).until(() -> contains(bobStream, "welcome bob"));
    members(owner, server).expectStatus().isOk();

    api.http()
        .delete()
        .uri("/api/servers/" + server.id() + "/members/" + bob.id() + "?reason=rude")
        .header(HttpHeaders.AUTHORIZATION, owner.bearer())
        .exchange()
        .expectStatus()
        .isNoContent();
    await().atMost(PROPAGATION).until(() -> contains(bobStream, "\"KICKED\""));
    api.post(owner, server, "after the kick").expectStatus().isCreated();

    await().atMost(PROPAGATION).until(() -> contains(ownerStream, "after the kick"));
    assertThat(contains(bobStream, "after the kick")).isFalse();
    await()
        .atMost(PROPAGATION)
        .untilAsserted(
            () ->
                assertProblem(
                    api.http()
                        .get()
                        .uri(Api.messagesPath(server.id(), server.generalChannelId()))
                        .header(HttpHeaders.AUTHORIZATION, bob.bearer())
                        .exchange(),
                    HttpStatus.NOT_FOUND,
                    "SERVER_NOT_FOUND"));
    accept(bob, code).expectStatus().isOk();
  }

  @Test
  void shouldShowAProfileChangeToCoMembersButNotToStrangersWhenItHappens() {
    var owner = user("owner");
    var member = user("member");
    var stranger = user("stranger");
    var server = api.createServer(owner, "Friends");
    accept(member, invite(owner, server, Map.of())).expectStatus().isOk();
    var memberStream = live.open(member.bearer());
    var strangerStream = live.open(stranger.bearer());
    var ownerStream = live.open(owner.bearer());

    accounts.updateProfile(owner.bearer(), "Renamed Owner", null, null).expectStatus().isOk();

    await().atMost(PROPAGATION).until(() -> contains(memberStream, "Renamed Owner"));
    await().atMost(PROPAGATION).until(() -> contains(ownerStream, "Renamed Owner"));
    api.post(owner, server, "marker after the rename").expectStatus().isCreated();
    await().atMost(PROPAGATION).until(() -> contains(memberStream, "marker after the rename"));
    assertThat(contains(strangerStream, "Renamed Owner")).isFalse();
  }

  @Test
  void shouldKeepABannedUserOutUntilUnbannedAndHonourInviteLimits() {
    var owner = user("owner");
    var carol = user("carol");
    var dan = user("dan");
    var server = api.createServer(owner, "Strict");
    var code = invite(owner, server, Map.of());
    var once = invite(owner, server, Map.of("maxUses", 1));
    accept(carol, code).expectStatus().isOk();

    moderate(owner, "POST", server, "/bans/" + carol.id()).expectStatus().isNoContent();
    assertProblem(accept(carol, code), HttpStatus.FORBIDDEN, "BANNED");
    assertProblem(accept(carol, once), HttpStatus.FORBIDDEN, "BANNED");
    assertProblem(
        moderate(carol, "POST", server, "/bans/" + dan.id()),
        HttpStatus.NOT_FOUND,
        "SERVER_NOT_FOUND");
    moderate(owner, "DELETE", server, "/bans/" + carol.id()).expectStatus().isNoContent();
    accept(carol, once).expectStatus().isOk();

    assertProblem(accept(dan, once), HttpStatus.NOT_FOUND, "INVITE_NOT_FOUND");
    assertProblem(accept(dan, "NoSuchCode1"), HttpStatus.NOT_FOUND, "INVITE_NOT_FOUND");
    assertProblem(
        moderate(carol, "DELETE", server, "/members/" + owner.id()),
        HttpStatus.FORBIDDEN,
        "MISSING_PERMISSION");
    assertProblem(
        moderate(owner, "DELETE", server, "/members/me"),
        HttpStatus.CONFLICT,
        "OWNER_CANNOT_LEAVE");
    moderate(carol, "DELETE", server, "/members/me").expectStatus().isNoContent();
  }

  @Test
  void shouldEndEveryMembershipWhenAMembersAccountIsDeleted() {
    var owner = user("owner");
    var email = "leaving-" + UUID.randomUUID() + "@example.com";
    var leaving = accounts.signedUp(email, "leaving password");
    var member = new Api.User(leaving.userId(), leaving.accessToken());
    var first = api.createServer(owner, "First");
    var second = api.createServer(owner, "Second");
    accept(member, invite(owner, first, Map.of())).expectStatus().isOk();
    accept(member, invite(owner, second, Map.of())).expectStatus().isOk();
    var ownerStream = live.open(owner.bearer());

    accounts.deleteAccount(leaving.bearer(), "leaving password").expectStatus().isNoContent();

    await()
        .atMost(PROPAGATION)
        .until(
            () ->
                ownerStream.events().stream()
                        .filter(e -> e.data() != null && e.data().contains("ACCOUNT_DELETED"))
                        .count()
                    == 2);
    for (var server : List.of(first, second)) {
      await()
          .atMost(PROPAGATION)
          .untilAsserted(
              () ->
                  assertThat(json(members(owner, server).expectStatus().isOk()).toString())
                      .doesNotContain(member.id().toString()));
    }
  }

  private Api.User user(String name) {
    var session =
        accounts.signedUp(name + "-" + UUID.randomUUID() + "@example.com", "password " + name);
    return new Api.User(session.userId(), session.accessToken());
  }

  private String invite(Api.User inviter, Api.Server server, Map<String, Object> body) {
    return json(api.http()
            .post()
            .uri("/api/servers/" + server.id() + "/invites")
            .header(HttpHeaders.AUTHORIZATION, inviter.bearer())
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(body)
            .exchange()
            .expectStatus()
            .isCreated())
        .get("code")
        .asString();
  }

  private WebTestClient.ResponseSpec accept(Api.User user, String code) {
    return api.http()
        .post()
        .uri("/api/invites/" + code + "/accept")
        .header(HttpHeaders.AUTHORIZATION, user.bearer())
        .exchange();
  }

  private WebTestClient.ResponseSpec moderate(
      Api.User actor, String method, Api.Server server, String path) {
    return api.http()
        .method(org.springframework.http.HttpMethod.valueOf(method))
        .uri("/api/servers/" + server.id() + path)
        .header(HttpHeaders.AUTHORIZATION, actor.bearer())
        .exchange();
  }

  private WebTestClient.ResponseSpec members(Api.User reader, Api.Server server) {
    return api.http()
        .get()
        .uri("/api/servers/" + server.id() + "/members")
        .header(HttpHeaders.AUTHORIZATION, reader.bearer())
        .exchange();
  }

  private static boolean contains(LiveStreams.Stream stream, String text) {
    return stream.contains(text);
  }
}
