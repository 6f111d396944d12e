package io.ohkay.platform;

import static io.ohkay.platform.Api.assertProblem;
import static io.ohkay.platform.Api.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ohkay.platform.infra.SharedInfrastructure;
import io.ohkay.projector.rebuild.DatabaseVerifier;
import io.ohkay.projector.rebuild.RebuildKind;
import io.ohkay.projector.rebuild.RebuildRequest;
import io.ohkay.projector.rebuild.Rebuilder;
import io.ohkay.schemas.token.AccessTokenKeys;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;

/** Accounts and sessions end to end, over HTTP, on the real broker and PostgreSQL. */
@SpringBootTest(
    classes = PlatformApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(OutputCaptureExtension.class)
class AccountsIT {

  static final String NAMESPACE = SharedInfrastructure.uniqueName("acc");
  private static final Duration PROPAGATION = Duration.ofSeconds(15);

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    PlatformTestSupport.register(registry, NAMESPACE);
  }

  @Value("${local.server.port}")
  int port;

  @Value("${ohkay.command-api.access-token-key-file}")
  Path accessTokenKeyFile;

  @Autowired Rebuilder rebuilder;
  @Autowired DatabaseVerifier verifier;

  private Accounts accounts;
  private Api api;
  private LiveStreams live;

  @BeforeEach
  void client() {
    var http = LiveStreams.http(port);
    accounts = new Accounts(http);
    api = new Api(http);
    live = new LiveStreams(port);
  }

  @AfterEach
  void closeStreams() {
    live.close();
  }

  @Test
  void shouldSignUpSignInRefreshAndSignOutWhenTheTokensAreUsedInTurn() {
    var email = unique("round") + "@example.com";
    var first = accounts.signedUp(email, "first password");
    var session = accounts.signedIn(email, "first password");
    assertThat(session.userId()).isEqualTo(first.userId());
    assertThat(session.sessionId()).isNotEqualTo(first.sessionId());

    var current =
        json(accounts.get("/api/auth/session", session.bearer(), null).expectStatus().isOk());
    assertThat(current.get("session").get("id").asString())
        .isEqualTo(session.sessionId().toString());
    assertThat(current.get("user").get("email").asString()).isEqualTo(email);

    var rotated = accounts.refreshed(session);
    assertThat(rotated.sessionId()).isEqualTo(session.sessionId());
    assertThat(rotated.refreshToken()).isNotEqualTo(session.refreshToken());
    accounts.get("/api/servers", rotated.bearer(), null).expectStatus().isOk();

    accounts.signout(rotated.bearer()).expectStatus().isNoContent().expectBody().isEmpty();

    assertRefusedEverywhere(rotated.bearer());
    assertRefusedEverywhere(session.bearer());
    assertProblem(
        accounts.refresh(rotated.refreshToken()), HttpStatus.UNAUTHORIZED, "INVALID_REFRESH_TOKEN");
    accounts.get("/api/servers", first.bearer(), null).expectStatus().isOk();
  }

  /** Bug: a sign-in right after the sign-up read ohkay_auth before the projector wrote the row. */
  @Test
  void shouldSignInRightAfterSigningUpWhateverTheProjectionLag() {
    for (var i = 0; i < 10; i++) {
      var email = unique("eager" + i) + "@example.com";
      var signedUp = accounts.signedUp(email, "eager password");

      assertThat(accounts.signedIn(email, "eager password").userId()).isEqualTo(signedUp.userId());
    }
  }

  @Test
  void shouldRevokeTheWholeFamilyWhenARotatedRefreshTokenIsReused() {
    var email = unique("reuse") + "@example.com";
    accounts.signedUp(email, "reused password");
    var stolen = accounts.signedIn(email, "reused password");
    var legitimate = accounts.refreshed(stolen);
    var stream = live.open(legitimate.bearer());

    assertProblem(
        accounts.refresh(stolen.refreshToken()), HttpStatus.UNAUTHORIZED, "INVALID_REFRESH_TOKEN");

    assertProblem(
        accounts.refresh(legitimate.refreshToken()),
        HttpStatus.UNAUTHORIZED,
        "INVALID_REFRESH_TOKEN");
    assertRefusedEverywhere(stolen.bearer());
    assertRefusedEverywhere(legitimate.bearer());
    await().atMost(PROPAGATION).until(stream::ended);
    assertThat(stream.events()).extracting(ServerSentEvent::event).contains("revoked");
  }

  static Stream<Arguments> forgeries() {
    return Stream.of(
        Arguments.of("alg none", (Function<ForgedTokens, String>) ForgedTokens::algNone),
        Arguments.of(
            "HS256 signed with the public key",
            (Function<ForgedTokens, String>) ForgedTokens::hs256WithPublicKey),
        Arguments.of("another key", (Function<ForgedTokens, String>) ForgedTokens::wrongKey),
        Arguments.of("expired", (Function<ForgedTokens, String>) ForgedTokens::expired),
        Arguments.of(
            "wrong audience", (Function<ForgedTokens, String>) ForgedTokens::wrongAudience),
        Arguments.of(
            "tampered payload", (Function<ForgedTokens, String>) ForgedTokens::tamperedPayload));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("forgeries")
  void shouldRefuseAForgedAccessTokenEverywhereWhenItIsWrongInOneWay(
      String name, Function<ForgedTokens, String> forge) {
    var victim = accounts.signedUp(unique("victim") + "@example.com", "victim password");
    var tokens =
        new ForgedTokens(
            AccessTokenKeys.load(accessTokenKeyFile), victim.userId(), victim.sessionId());
    accounts.get("/api/servers", "Bearer " + tokens.genuine(), null).expectStatus().isOk();

    var forged = "Bearer " + forge.apply(tokens);

    assertProblem(
        accounts.get("/api/servers", forged, null), HttpStatus.UNAUTHORIZED, "UNAUTHENTICATED");
    assertProblem(
        accounts.get("/api/auth/session", forged, null),
        HttpStatus.UNAUTHORIZED,
        "UNAUTHENTICATED");
    assertProblem(
        accounts.updateProfile(forged, "Mallory", null, null),
        HttpStatus.UNAUTHORIZED,
        "UNAUTHENTICATED");
    assertProblem(accounts.signout(forged), HttpStatus.UNAUTHORIZED, "UNAUTHENTICATED");
  }

  @Test
  void shouldCreateExactlyOneAccountWhenTwentySignupsShareAnEmail() {
    var email = unique("race") + "@example.com";
    var client = WebClient.create("http://127.0.0.1:" + port);

    var statuses =
        Flux.range(0, 20)
            .flatMap(
                i ->
                    client
                        .post()
                        .uri("/api/auth/signup")
                        .contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(
                            Map.of("email", email, "password", "password " + i, "displayName", "R"))
                        .exchangeToMono(
                            response ->
                                response.releaseBody().thenReturn(response.statusCode().value())),
                20)
            .collectList()
            .block(Duration.ofSeconds(60));

    assertThat(statuses).hasSize(20);
    assertThat(statuses.stream().filter(s -> s == 201)).hasSize(1);
    assertThat(statuses.stream().filter(s -> s == 409)).hasSize(19);
  }

  @Test
  void shouldAnswerAlikeWhenThePasswordIsWrongOrTheEmailUnknown() throws SQLException {
    var email = unique("known") + "@example.com";
    var user = accounts.signedUp(email, "the right password");

    var wrong = accounts.signin(email, "a wrong password").expectBody().returnResult();
    var unknown =
        accounts
            .signin(unique("nobody") + "@example.com", "a wrong password")
            .expectBody()
            .returnResult();

    assertThat(wrong.getStatus().value()).isEqualTo(401);
    assertThat(unknown.getStatus().value()).isEqualTo(401);
    assertThat(new String(wrong.getResponseBodyContent()))
        .isEqualTo(new String(unknown.getResponseBodyContent()))
        .contains("\"code\":\"INVALID_CREDENTIALS\"");
    assertProblem(
        accounts.signin(email, "a wrong password"), HttpStatus.UNAUTHORIZED, "INVALID_CREDENTIALS");
    assertProblem(
        api.http()
            .post()
            .uri("/api/auth/signin")
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue("{\"email\": \"" + email + "\", \"password\": ")
            .exchange(),
        HttpStatus.BAD_REQUEST,
        "MALFORMED_JSON");
    assertProblem(
        api.http()
            .post()
            .uri("/api/auth/signin")
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(Map.of("password", "x"))
            .exchange(),
        HttpStatus.BAD_REQUEST,
        "VALIDATION_FAILED");
    await().atMost(PROPAGATION).until(() -> failedSignins(user.userId()) == 2);
  }

  @Test
  void shouldRefuseWithRetryAfterWhenOneAccountGetsTooManySignins() {
    var email = unique("limited") + "@example.com";
    accounts.signedUp(email, "limited password");
    for (var i = 0; i < 10; i++) {
      accounts.signin(email, "guess " + i).expectStatus().isUnauthorized();
    }

    var limited = accounts.signin(email, "limited password");

    limited.expectHeader().exists(HttpHeaders.RETRY_AFTER);
    assertProblem(limited, HttpStatus.TOO_MANY_REQUESTS, "RATE_LIMITED");
  }

  @Test
  void shouldShowTheNewProfileToReadersAndOnTheOwnersStreamWhenItIsUpdated() {
    var owner = accounts.signedUp(unique("profile") + "@example.com", "profile password");
    var reader = accounts.signedUp(unique("reader") + "@example.com", "reader password");
    var stream = live.open(owner.bearer());

    var updated =
        accounts.updateProfile(owner.bearer(), "New Name", "https://example.com/a.png", "Hi!");

    var position =
        updated
            .expectStatus()
            .isOk()
            .expectBody(String.class)
            .returnResult()
            .getResponseHeaders()
            .getFirst("X-Ohkay-Position");
    var profile =
        json(
            accounts
                .get("/api/profiles/" + owner.userId(), reader.bearer(), position)
                .expectStatus()
                .isOk());
    assertThat(profile.get("displayName").asString()).isEqualTo("New Name");
    assertThat(profile.get("avatarUrl").asString()).isEqualTo("https://example.com/a.png");
    assertThat(profile.get("bio").asString()).isEqualTo("Hi!");
    await()
        .atMost(PROPAGATION)
        .until(
            () ->
                stream.events().stream()
                    .anyMatch(e -> e.data() != null && e.data().contains("profile.updated.v1")));
    assertProblem(
        accounts.updateProfile(owner.bearer(), "N", "javascript:alert(1)", null),
        HttpStatus.BAD_REQUEST,
        "VALIDATION_FAILED");
  }

  @Test
  void shouldDeleteTheAccountEverywhereWhenThePasswordConfirmsIt() throws SQLException {
    var email = unique("leaving") + "@example.com";
    var owner = accounts.signedUp(unique("owner") + "@example.com", "owner password");
    var server = api.createServer(new Api.User(owner.userId(), owner.accessToken()), "Owned");
    await()
        .atMost(PROPAGATION)
        .until(() -> WrittenState.count(NAMESPACE + "_server_registry", "servers") > 0);
    assertProblem(
        accounts.deleteAccount(owner.bearer(), "owner password"),
        HttpStatus.CONFLICT,
        "OWNS_SERVERS");
    assertThat(server.id()).isNotNull();

    var leaving = accounts.signedUp(email, "leaving password");
    var stream = live.open(leaving.bearer());
    assertProblem(
        accounts.deleteAccount(leaving.bearer(), "not it"),
        HttpStatus.FORBIDDEN,
        "PASSWORD_MISMATCH");

    accounts.deleteAccount(leaving.bearer(), "leaving password").expectStatus().isNoContent();

    assertRefusedEverywhere(leaving.bearer());
    await().atMost(PROPAGATION).until(stream::ended);
    assertProblem(
        accounts.signin(email, "leaving password"), HttpStatus.UNAUTHORIZED, "INVALID_CREDENTIALS");
    var profile =
        json(
            accounts
                .get("/api/profiles/" + leaving.userId(), owner.bearer(), null)
                .expectStatus()
                .isOk());
    assertThat(profile.get("deleted").asBoolean()).isTrue();
    await()
        .atMost(PROPAGATION)
        .untilAsserted(() -> accounts.signup(email, "a new life").expectStatus().isCreated());
  }

  @Test
  void shouldFindNoClearTextPasswordAndRebuildAnEqualAuthDatabaseWhenAccountsLiveAndDie(
      CapturedOutput output) throws Exception {
    var passwords = new ArrayList<String>();
    var sessions = new ArrayList<Accounts.Session>();
    for (var i = 0; i < 4; i++) {
      var password = "Secret-" + UUID.randomUUID();
      var wrong = "Wrong-" + UUID.randomUUID();
      passwords.add(password);
      passwords.add(wrong);
      var email = unique("scan" + i) + "@example.com";
      accounts.signedUp(email, password);
      accounts.signin(email, wrong).expectStatus().isUnauthorized();
      var session = accounts.signedIn(email, password);
      sessions.add(accounts.refreshed(session));
      accounts
          .updateProfile(session.bearer(), "Scanned " + i, null, "bio " + i)
          .expectStatus()
          .isOk();
    }
    var doomed = sessions.getFirst();
    accounts.deleteAccount(doomed.bearer(), "Wrong-on-purpose").expectStatus().isForbidden();
    accounts.deleteAccount(doomed.bearer(), passwords.getFirst()).expectStatus().isNoContent();
    accounts.signout(sessions.get(1).bearer()).expectStatus().isNoContent();
    passwords.add("Wrong-on-purpose");
    var secrets = new ArrayList<String>(passwords);
    sessions.forEach(session -> secrets.add(session.refreshToken()));

    var target = NAMESPACE + "_rebuilt_auth";
    var request = RebuildRequest.of(RebuildKind.AUTH, null, target);
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> {
              rebuilder.rebuild(request);
              assertThat(verifier.diff(rebuilder.liveDatabase(request), target)).isEmpty();
            });
    assertThat(WrittenState.count(target, "login_history")).isGreaterThanOrEqualTo(12);

    var scan = SecretScan.find(NAMESPACE, secrets);
    assertThat(scan.records()).isPositive();
    assertThat(scan.rows()).isPositive();
    assertThat(scan.found()).isEmpty();
    assertThat(secrets).noneMatch(output.getAll()::contains);
  }

  /** Refused by the write side at once and by the read side (the edge) once it knows. */
  private void assertRefusedEverywhere(String bearer) {
    assertProblem(
        accounts.updateProfile(bearer, "Still me", null, null),
        HttpStatus.UNAUTHORIZED,
        "UNAUTHENTICATED");
    await()
        .atMost(PROPAGATION)
        .untilAsserted(
            () ->
                assertProblem(
                    accounts.get("/api/servers", bearer, null),
                    HttpStatus.UNAUTHORIZED,
                    "UNAUTHENTICATED"));
  }

  private long failedSignins(UUID user) throws SQLException {
    try (var connection = SharedInfrastructure.get().postgres().connect(NAMESPACE + "_auth");
        var statement =
            connection.prepareStatement(
                "SELECT count(*) FROM login_history WHERE user_id = ? AND NOT success")) {
      statement.setObject(1, user);
      try (var rows = statement.executeQuery()) {
        rows.next();
        return rows.getLong(1);
      }
    }
  }

  private static String unique(String name) {
    return name + "-" + UUID.randomUUID().toString().substring(0, 8);
  }
}
