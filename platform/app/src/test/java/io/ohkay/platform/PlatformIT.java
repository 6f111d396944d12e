package io.ohkay.platform;

import static io.ohkay.platform.Api.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ohkay.platform.infra.SharedInfrastructure;
import io.ohkay.projector.rebuild.DatabaseVerifier;
import io.ohkay.projector.rebuild.RebuildKind;
import io.ohkay.projector.rebuild.RebuildRequest;
import io.ohkay.projector.rebuild.Rebuilder;
import io.ohkay.schemas.id.ServerId;
import io.ohkay.schemas.json.Json;
import io.ohkay.schemas.topic.Topics;
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
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The first path through every layer, over HTTP, on the real broker and PostgreSQL. */
@SpringBootTest(
    classes = PlatformApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PlatformIT {

  static final String NAMESPACE = SharedInfrastructure.uniqueName("pit");

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    PlatformTestSupport.register(registry, NAMESPACE);
  }

  @Value("${local.server.port}")
  int port;

  @Autowired Rebuilder rebuilder;
  @Autowired DatabaseVerifier verifier;

  private Api api;
  private LiveStreams live;

  @BeforeEach
  void client() {
    api = new Api(LiveStreams.http(port));
    live = new LiveStreams(port);
  }

  @AfterEach
  void closeStreams() {
    live.close();
  }

  @Test
  void shouldDeliverAPostedMessageToHistoryAndToTheLiveStreamWhenAMemberPosts() {
    var ada = api.signup(unique("ada") + "@example.com");
    var server = api.createServer(ada, "Analytical Engines");
    var received = live.open(ada.bearer()).events();

    var posted = Api.json(api.post(ada, server, "Hello, Ohkay!").expectStatus().isCreated());
    assertThat(posted.get("content").asString()).isEqualTo("Hello, Ohkay!");
    assertThat(posted.get("authorId").asString()).isEqualTo(ada.id().toString());
    var messageId = posted.get("id").asString();

    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () ->
                assertThat(received)
                    .anySatisfy(
                        event -> {
                          assertThat(event.event()).isEqualTo("message.posted.v1");
                          assertThat(event.id()).isNotBlank();
                          var envelope = Json.mapper().readTree(event.data());
                          assertThat(envelope.get("payload").get("messageId").asString())
                              .isEqualTo(messageId);
                          assertThat(envelope.get("seq").asLong()).isPositive();
                        }));

    var position =
        api.post(ada, server, "second")
            .expectStatus()
            .isCreated()
            .expectBody(String.class)
            .returnResult()
            .getResponseHeaders()
            .getFirst("X-Ohkay-Position");
    var history =
        Api.json(
            api.http()
                .get()
                .uri(Api.messagesPath(server.id(), server.generalChannelId()) + "?limit=10")
                .header(HttpHeaders.AUTHORIZATION, ada.bearer())
                .header("X-Ohkay-Min-Position", position)
                .exchange()
                .expectStatus()
                .isOk());
    var contents =
        history.get("messages").valueStream().map(m -> m.get("content").asString()).toList();
    assertThat(contents).containsExactly("second", "Hello, Ohkay!");

    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () -> {
              var health =
                  Api.json(api.http().get().uri("/api/health").exchange().expectStatus().isOk());
              assertThat(health.get("status").asString()).isEqualTo("UP");
              assertThat(health.get("components").propertyNames())
                  .contains("kafka", "decider", "projector", "databases", "edge");
            });
  }

  @Test
  void shouldAnswerProblemJsonAndWriteNothingWhenInputIsBad() {
    var ada = api.signup(unique("ada") + "@example.com");
    var server = api.createServer(ada, "Bad input");
    var outsider = api.signup(unique("eve") + "@example.com");
    var position =
        api.post(ada, server, "before")
            .expectStatus()
            .isCreated()
            .expectBody(String.class)
            .returnResult()
            .getResponseHeaders()
            .getFirst("X-Ohkay-Position");
    api.readAfter(ada, server, position);
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> WrittenState.userProjected(NAMESPACE, outsider.id()));
    var before = WrittenState.capture(NAMESPACE, server.id());

    var path = Api.messagesPath(server.id(), server.generalChannelId());
    assertProblem(
        postRaw(path, ada.bearer(), "{\"content\": "), HttpStatus.BAD_REQUEST, "MALFORMED_JSON");
    assertProblem(postRaw(path, ada.bearer(), "[1,2]"), HttpStatus.BAD_REQUEST, "MALFORMED_JSON");
    assertProblem(postRaw(path, ada.bearer(), "{}"), HttpStatus.BAD_REQUEST, "VALIDATION_FAILED");
    assertProblem(
        postRaw(path, ada.bearer(), "{\"content\": 5}"), HttpStatus.BAD_REQUEST, "MALFORMED_JSON");
    assertProblem(
        postRaw(path, ada.bearer(), "{\"content\": true}"),
        HttpStatus.BAD_REQUEST,
        "MALFORMED_JSON");
    assertProblem(
        postRaw(path, ada.bearer(), "{\"content\":\"a\",\"content\":\"b\"}"),
        HttpStatus.BAD_REQUEST,
        "MALFORMED_JSON");
    assertProblem(
        postRaw(path, ada.bearer(), "{\"content\":\"   \"}"),
        HttpStatus.BAD_REQUEST,
        "VALIDATION_FAILED");
    assertProblem(
        postRaw(
            path,
            ada.bearer(),
            Json.mapper().writeValueAsString(Map.of("content", "x".repeat(4001)))),
        HttpStatus.BAD_REQUEST,
        "VALIDATION_FAILED");
    assertProblem(
        postRaw(path, ada.bearer(), "{\"content\":\"" + "x".repeat(1024 * 1024) + "\"}"),
        HttpStatus.CONTENT_TOO_LARGE,
        "PAYLOAD_TOO_LARGE");
    assertProblem(
        postRaw(path, null, "{\"content\":\"hi\"}"), HttpStatus.UNAUTHORIZED, "UNAUTHENTICATED");
    assertProblem(
        postRaw(path, "Bearer not.a.jwt", "{\"content\":\"hi\"}"),
        HttpStatus.UNAUTHORIZED,
        "UNAUTHENTICATED");
    assertProblem(
        postRaw(
            Api.messagesPath(UUID.randomUUID(), server.generalChannelId()),
            ada.bearer(),
            "{\"content\":\"hi\"}"),
        HttpStatus.NOT_FOUND,
        "SERVER_NOT_FOUND");
    assertProblem(
        postRaw(
            Api.messagesPath(server.id(), UUID.randomUUID()), ada.bearer(), "{\"content\":\"hi\"}"),
        HttpStatus.NOT_FOUND,
        "CHANNEL_NOT_FOUND");
    assertProblem(
        postRaw(path, outsider.bearer(), "{\"content\":\"hi\"}"),
        HttpStatus.NOT_FOUND,
        "SERVER_NOT_FOUND");
    assertProblem(
        postRaw(
            "/api/servers/not-a-uuid/channels/" + server.generalChannelId() + "/messages",
            ada.bearer(),
            "{\"content\":\"hi\"}"),
        HttpStatus.BAD_REQUEST,
        "INVALID_ID");
    assertProblem(
        api.http()
            .post()
            .uri(path)
            .header(HttpHeaders.AUTHORIZATION, ada.bearer())
            .contentType(MediaType.TEXT_PLAIN)
            .bodyValue("hi")
            .exchange(),
        HttpStatus.UNSUPPORTED_MEDIA_TYPE,
        "UNSUPPORTED_MEDIA_TYPE");
    assertProblem(
        api.http().get().uri(path).header(HttpHeaders.AUTHORIZATION, outsider.bearer()).exchange(),
        HttpStatus.NOT_FOUND,
        "SERVER_NOT_FOUND");
    assertProblem(
        api.http().get().uri(path).exchange(), HttpStatus.UNAUTHORIZED, "UNAUTHENTICATED");
    assertProblem(
        postRaw("/api/servers", ada.bearer(), "{\"name\":\"\"}"),
        HttpStatus.BAD_REQUEST,
        "VALIDATION_FAILED");
    assertProblem(
        postRaw(
            "/api/auth/signup",
            null,
            "{\"email\":\"nope\",\"password\":\"long enough\",\"displayName\":\"x\"}"),
        HttpStatus.BAD_REQUEST,
        "VALIDATION_FAILED");
    assertProblem(
        postRaw(
            "/api/auth/signup",
            null,
            "{\"email\":\"a@b.co\",\"password\":\"short\",\"displayName\":\"x\"}"),
        HttpStatus.BAD_REQUEST,
        "VALIDATION_FAILED");
    assertProblem(
        postRaw("/api/auth/signup", null, "not json"), HttpStatus.BAD_REQUEST, "MALFORMED_JSON");
    assertProblem(
        api.http().get().uri("/api/nowhere").exchange(), HttpStatus.NOT_FOUND, "NOT_FOUND");

    var after = WrittenState.capture(NAMESPACE, server.id());
    assertThat(after).isEqualTo(before);
  }

  /** Garbage to every account, membership and channel endpoint: problem+json, nothing written. */
  @Test
  void shouldAnswerProblemJsonAndWriteNothingWhenAccountMembershipOrChannelInputIsBad() {
    var ada = api.signup(unique("ada") + "@example.com");
    var server = api.createServer(ada, "Bad input, again");
    var outsider = api.signup(unique("eve") + "@example.com");
    api.readAfter(
        ada,
        server,
        api.post(ada, server, "before")
            .expectStatus()
            .isCreated()
            .expectBody(String.class)
            .returnResult()
            .getResponseHeaders()
            .getFirst("X-Ohkay-Position"));
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> WrittenState.userProjected(NAMESPACE, outsider.id()));
    var before = WrittenState.capture(NAMESPACE, server.id());
    var commandsBefore = WrittenState.endOffset(NAMESPACE, Topics.SERVER_COMMANDS);
    var base = "/api/servers/" + server.id();
    var channel = base + "/channels/" + server.generalChannelId();

    for (var bad :
        List.of(
            new Bad(
                "POST",
                "/api/auth/signin",
                null,
                "{\"email\":\"a@b.co\"}",
                400,
                "VALIDATION_FAILED"),
            new Bad(
                "POST",
                "/api/auth/signin",
                null,
                "{\"email\":5,\"password\":\"x\"}",
                400,
                "MALFORMED_JSON"),
            new Bad("POST", "/api/auth/signin", null, "", 400, "MALFORMED_JSON"),
            new Bad("POST", "/api/auth/refresh", null, "{}", 400, "VALIDATION_FAILED"),
            new Bad(
                "POST",
                "/api/auth/refresh",
                null,
                "{\"refreshToken\":\"garbage\"}",
                401,
                "INVALID_REFRESH_TOKEN"),
            new Bad(
                "POST",
                "/api/auth/refresh",
                null,
                "{\"refreshToken\":\"ort1.AAAA\"}",
                401,
                "INVALID_REFRESH_TOKEN"),
            new Bad("POST", "/api/auth/signout", null, "{}", 401, "UNAUTHENTICATED"),
            new Bad("PUT", "/api/profiles/me", ada.bearer(), "{}", 400, "VALIDATION_FAILED"),
            new Bad(
                "PUT",
                "/api/profiles/me",
                ada.bearer(),
                "{\"displayName\":[\"x\"]}",
                400,
                "MALFORMED_JSON"),
            new Bad(
                "PUT",
                "/api/profiles/me",
                ada.bearer(),
                "{\"displayName\":\"x\",\"avatarUrl\":\"ftp://x/a.png\"}",
                400,
                "VALIDATION_FAILED"),
            new Bad(
                "PUT",
                "/api/profiles/me",
                ada.bearer(),
                "{\"displayName\":\"x\",\"bio\":\"" + "b".repeat(1001) + "\"}",
                400,
                "VALIDATION_FAILED"),
            new Bad(
                "PUT", "/api/profiles/me", null, "{\"displayName\":\"x\"}", 401, "UNAUTHENTICATED"),
            new Bad("DELETE", "/api/profiles/me", ada.bearer(), "{}", 400, "VALIDATION_FAILED"),
            new Bad(
                "DELETE",
                "/api/profiles/me",
                ada.bearer(),
                "{\"password\":\"wrong one\"}",
                403,
                "PASSWORD_MISMATCH"),
            new Bad(
                "POST",
                base + "/invites",
                ada.bearer(),
                "{\"maxUses\":0}",
                400,
                "VALIDATION_FAILED"),
            new Bad(
                "POST",
                base + "/invites",
                ada.bearer(),
                "{\"expiresInSeconds\":5}",
                400,
                "VALIDATION_FAILED"),
            new Bad(
                "POST",
                base + "/invites",
                ada.bearer(),
                "{\"maxUses\":\"ten\"}",
                400,
                "MALFORMED_JSON"),
            new Bad("POST", "/api/servers/nope/invites", ada.bearer(), "{}", 400, "INVALID_ID"),
            new Bad(
                "POST", "/api/invites/!!/accept", outsider.bearer(), null, 404, "INVITE_NOT_FOUND"),
            new Bad(
                "POST",
                "/api/invites/NoSuchCode9/accept",
                outsider.bearer(),
                null,
                404,
                "INVITE_NOT_FOUND"),
            new Bad("DELETE", base + "/members/nope", ada.bearer(), null, 400, "INVALID_ID"),
            new Bad(
                "DELETE",
                base + "/members/" + outsider.id() + "?reason=" + "r".repeat(513),
                ada.bearer(),
                null,
                400,
                "VALIDATION_FAILED"),
            new Bad(
                "DELETE",
                base + "/members/" + outsider.id() + "?reason=rude\u0000",
                ada.bearer(),
                null,
                400,
                "VALIDATION_FAILED"),
            new Bad(
                "POST",
                base + "/bans/" + outsider.id() + "?reason=\u0007",
                ada.bearer(),
                null,
                400,
                "VALIDATION_FAILED"),
            new Bad("POST", base + "/bans/nope", ada.bearer(), null, 400, "INVALID_ID"),
            new Bad("POST", base + "/channels", ada.bearer(), "{}", 400, "VALIDATION_FAILED"),
            new Bad(
                "POST",
                base + "/channels",
                ada.bearer(),
                "{\"name\":\"  \"}",
                400,
                "VALIDATION_FAILED"),
            new Bad("PATCH", channel, ada.bearer(), "{}", 400, "VALIDATION_FAILED"),
            new Bad("PATCH", channel, ada.bearer(), "{\"position\":-1}", 400, "VALIDATION_FAILED"),
            new Bad(
                "PATCH", channel, ada.bearer(), "{\"position\":\"first\"}", 400, "MALFORMED_JSON"),
            new Bad(
                "PATCH",
                base + "/channels/nope",
                ada.bearer(),
                "{\"name\":\"x\"}",
                400,
                "INVALID_ID"),
            new Bad("GET", "/api/profiles/nope", ada.bearer(), null, 400, "INVALID_ID"),
            new Bad(
                "GET",
                "/api/profiles/" + UUID.randomUUID(),
                ada.bearer(),
                null,
                404,
                "ACCOUNT_NOT_FOUND"),
            new Bad(
                "GET",
                "/api/servers/" + UUID.randomUUID() + "/members",
                ada.bearer(),
                null,
                404,
                "SERVER_NOT_FOUND"),
            new Bad("GET", base + "/members", outsider.bearer(), null, 404, "SERVER_NOT_FOUND"))) {
      bad.assertRefused(api.http());
    }

    assertThat(WrittenState.capture(NAMESPACE, server.id())).isEqualTo(before);
    assertThat(WrittenState.endOffset(NAMESPACE, Topics.SERVER_COMMANDS)).isEqualTo(commandsBefore);
  }

  /**
   * Garbage to every role, overwrite, message, read, search, server and notification endpoint:
   * problem+json, nothing written.
   */
  @Test
  void shouldAnswerProblemJsonAndWriteNothingWhenRoleMessageOrServerInputIsBad() {
    var ada = api.signup(unique("ada") + "@example.com");
    var server = api.createServer(ada, "Bad input, governed");
    var posted =
        api.post(ada, server, "before").expectStatus().isCreated().expectBody().returnResult();
    var message = Json.mapper().readTree(posted.getResponseBodyContent());
    api.readAfter(ada, server, posted.getResponseHeaders().getFirst("X-Ohkay-Position"));
    var before = WrittenState.capture(NAMESPACE, server.id());
    var commandsBefore = WrittenState.endOffset(NAMESPACE, Topics.SERVER_COMMANDS);
    var base = "/api/servers/" + server.id();
    var channel = base + "/channels/" + server.generalChannelId();
    var messagePath = channel + "/messages/" + message.get("id").asString();
    var token = ada.bearer();

    for (var bad :
        List.of(
            new Bad("POST", base + "/roles", token, "{}", 400, "VALIDATION_FAILED"),
            new Bad(
                "POST",
                base + "/roles",
                token,
                "{\"name\":\"x\",\"permissions\":[\"FLY\"]}",
                400,
                "VALIDATION_FAILED"),
            new Bad("POST", base + "/roles", token, "{\"name\":[1]}", 400, "MALFORMED_JSON"),
            new Bad("PATCH", base + "/roles/nope", token, "{\"name\":\"x\"}", 400, "INVALID_ID"),
            new Bad(
                "PUT",
                base + "/members/" + ada.id() + "/roles/nope",
                token,
                null,
                400,
                "INVALID_ID"),
            new Bad(
                "PUT",
                channel + "/overwrites/" + ada.id(),
                token,
                "{\"type\":\"GROUP\",\"allow\":[],\"deny\":[]}",
                400,
                "VALIDATION_FAILED"),
            new Bad(
                "PUT",
                channel + "/overwrites/" + ada.id(),
                token,
                "{\"type\":\"MEMBER\",\"allow\":[\"NOPE\"],\"deny\":[]}",
                400,
                "VALIDATION_FAILED"),
            new Bad("DELETE", channel + "/overwrites/nope", token, null, 400, "INVALID_ID"),
            new Bad("PATCH", messagePath, token, "{}", 400, "VALIDATION_FAILED"),
            new Bad("PATCH", messagePath, token, "{\"content\":\"\"}", 400, "VALIDATION_FAILED"),
            new Bad("PATCH", messagePath, token, "{\"content\":7}", 400, "MALFORMED_JSON"),
            new Bad(
                "PATCH",
                channel + "/messages/nope",
                token,
                "{\"content\":\"x\"}",
                400,
                "INVALID_ID"),
            new Bad("DELETE", channel + "/messages/nope", token, null, 400, "INVALID_ID"),
            new Bad("PUT", base + "/channels/nope/read", token, null, 400, "INVALID_ID"),
            new Bad("PATCH", base, token, "{\"name\":\"  \"}", 400, "VALIDATION_FAILED"),
            new Bad(
                "PATCH",
                base,
                token,
                "{\"description\":\"" + "d".repeat(1001) + "\"}",
                400,
                "VALIDATION_FAILED"),
            new Bad("DELETE", "/api/servers/nope", token, null, 400, "INVALID_ID"),
            new Bad("GET", base + "/messages/search", token, null, 400, "VALIDATION_FAILED"),
            new Bad(
                "GET", base + "/messages/search?q=x&limit=500", token, null, 400, "INVALID_CURSOR"),
            new Bad("GET", base + "/audit-log?limit=0", token, null, 400, "INVALID_CURSOR"),
            new Bad("GET", channel + "/messages?around=nope", token, null, 400, "INVALID_ID"),
            new Bad(
                "GET",
                channel + "/messages?before=" + UUID.randomUUID(),
                token,
                null,
                400,
                "INVALID_CURSOR"),
            new Bad("PUT", "/api/notifications/nope/read", token, null, 400, "INVALID_ID"),
            new Bad("PUT", "/api/notifications/read-all", null, null, 401, "UNAUTHENTICATED"),
            new Bad("GET", "/api/notifications?limit=0", token, null, 400, "INVALID_CURSOR"),
            new Bad(
                "GET", "/api/notifications?unread=maybe", token, null, 400, "VALIDATION_FAILED"),
            new Bad(
                "GET",
                "/api/notifications?before=" + UUID.randomUUID(),
                token,
                null,
                400,
                "INVALID_CURSOR"))) {
      bad.assertRefused(api.http());
    }

    assertThat(WrittenState.capture(NAMESPACE, server.id())).isEqualTo(before);
    assertThat(WrittenState.endOffset(NAMESPACE, Topics.SERVER_COMMANDS)).isEqualTo(commandsBefore);
  }

  @Test
  void shouldRefuseASecondAccountWhenTheEmailIsTaken() {
    var email = unique("taken") + "@example.com";
    api.signup(email);
    assertProblem(
        postRaw(
            "/api/auth/signup",
            null,
            "{\"email\":\""
                + email.toUpperCase(java.util.Locale.ROOT)
                + "\",\"password\":\"another one\",\"displayName\":\"B\"}"),
        HttpStatus.CONFLICT,
        "EMAIL_TAKEN");
  }

  @Test
  void shouldRebuildAServerDatabaseEqualToTheLiveOneWhenTheEventsTopicIsReplayed()
      throws Exception {
    var ada = api.signup(unique("ada") + "@example.com");
    var grace = api.signup(unique("grace") + "@example.com");
    var server = api.createServer(ada, "Rebuilt");
    api.createServer(grace, "Other server, same topic");
    String position = null;
    for (var i = 0; i < 40; i++) {
      position =
          api.post(ada, server, "message " + i)
              .expectStatus()
              .isCreated()
              .expectBody(String.class)
              .returnResult()
              .getResponseHeaders()
              .getFirst("X-Ohkay-Position");
    }
    api.readAfter(ada, server, position);

    var target = NAMESPACE + "_rebuilt_" + server.id().toString().substring(0, 8);
    var request = RebuildRequest.of(RebuildKind.SERVER, new ServerId(server.id()), target);
    rebuilder.rebuild(request);

    assertThat(verifier.diff(rebuilder.liveDatabase(request), target)).isEmpty();
    assertThat(WrittenState.count(target, "messages")).isEqualTo(40);
  }

  private WebTestClient.ResponseSpec postRaw(String path, String authorization, String body) {
    var request = api.http().post().uri(path).contentType(MediaType.APPLICATION_JSON);
    if (authorization != null) {
      request = request.header(HttpHeaders.AUTHORIZATION, authorization);
    }
    return request.bodyValue(body).exchange();
  }

  private static String unique(String name) {
    return name + "-" + UUID.randomUUID().toString().substring(0, 8);
  }
}
