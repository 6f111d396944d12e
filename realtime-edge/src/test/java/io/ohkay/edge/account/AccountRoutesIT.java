package io.ohkay.edge.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ohkay.edge.EdgeHttp;
import io.ohkay.edge.EdgeIntegrationTest;
import io.ohkay.edge.EdgeTestEnvironment;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The account queries on the real accounts database, created by the projector's migrations. */
@EdgeIntegrationTest(properties = "ohkay.edge.read-your-writes-max-wait=2s")
class AccountRoutesIT {

  @RegisterExtension static final EdgeTestEnvironment ENV = EdgeTestEnvironment.create("acct");
  private static final String MIN_POSITION = "X-Ohkay-Min-Position";

  @LocalServerPort int port;

  private EdgeHttp http() {
    return new EdgeHttp(port);
  }

  private String caller() {
    return ENV.tokens().valid(UUID.randomUUID());
  }

  @Test
  void shouldShowAProfileWithItsUnsetFieldsAsNullWhenTheAccountExists() {
    var user = UUID.randomUUID();
    ENV.addUser(user, user + "@x.io", "Alice", "hello");

    var reply = http().get("/api/profiles/" + user, caller());

    assertThat(reply.status()).isEqualTo(200);
    var json = reply.json();
    assertThat(json.get("id").stringValue()).isEqualTo(user.toString());
    assertThat(json.get("displayName").stringValue()).isEqualTo("Alice");
    assertThat(json.get("avatarUrl").isNull()).isTrue();
    assertThat(json.get("bio").stringValue()).isEqualTo("hello");
    assertThat(json.has("deleted")).isFalse();
    assertThat(json.has("email")).isFalse();
    assertThat(reply.header("X-Ohkay-Stale")).isEmpty();
  }

  @Test
  void shouldShowADeletedUserPlaceholderWhenTheAccountWasDeleted() {
    var user = UUID.randomUUID();
    ENV.addUser(user, user + "@x.io", "Gone Soon", "bio");
    ENV.deleteUser(user);

    var reply = http().get("/api/profiles/" + user, caller());

    assertThat(reply.status()).isEqualTo(200);
    var json = reply.json();
    assertThat(json.get("id").stringValue()).isEqualTo(user.toString());
    assertThat(json.get("displayName").stringValue()).isEqualTo("Deleted user");
    assertThat(json.get("avatarUrl").isNull()).isTrue();
    assertThat(json.get("bio").isNull()).isTrue();
    assertThat(json.get("deleted").booleanValue()).isTrue();
  }

  @Test
  void shouldRefuseUnknownMalformedAndUnauthenticatedRequestsWhenAskedForAProfile() {
    var unknown = http().get("/api/profiles/" + UUID.randomUUID(), caller());
    var malformed = http().get("/api/profiles/not-a-uuid", caller());
    var anonymous = http().get("/api/profiles/" + UUID.randomUUID(), null);

    assertProblem(unknown, 404, "ACCOUNT_NOT_FOUND");
    assertProblem(malformed, 400, "INVALID_ID");
    assertProblem(anonymous, 401, "UNAUTHENTICATED");
  }

  @Test
  void shouldShowTheCallersEmailAndCreationWhenAskedForMe() {
    var user = UUID.randomUUID();
    ENV.addUser(user, user + "@x.io", "Me Myself", null);

    var reply = http().get("/api/profiles/me", ENV.tokens().valid(user));

    assertThat(reply.status()).isEqualTo(200);
    var json = reply.json();
    assertThat(json.get("id").stringValue()).isEqualTo(user.toString());
    assertThat(json.get("displayName").stringValue()).isEqualTo("Me Myself");
    assertThat(json.get("email").stringValue()).isEqualTo(user + "@x.io");
    assertThat(json.get("bio").isNull()).isTrue();
    assertThat(Instant.parse(json.get("createdAt").stringValue()))
        .isBetween(Instant.now().minusSeconds(60), Instant.now().plusSeconds(1));
    assertProblem(http().get("/api/profiles/me", caller()), 404, "ACCOUNT_NOT_FOUND");
  }

  @Test
  void shouldDescribeTheTokensSessionWhenAskedForTheSession() {
    var user = UUID.randomUUID();
    var session = UUID.randomUUID();
    ENV.addUser(user, user + "@x.io", "Sam", null);
    ENV.addSession(session, user, 3, null);
    ENV.addSession(UUID.randomUUID(), user, 0, "10.0.0.9");

    var reply = http().get("/api/auth/session", ENV.tokens().valid(user, session));

    assertThat(reply.status()).isEqualTo(200);
    var json = reply.json();
    assertThat(json.get("user").get("id").stringValue()).isEqualTo(user.toString());
    assertThat(json.get("user").get("email").stringValue()).isEqualTo(user + "@x.io");
    assertThat(json.get("user").get("displayName").stringValue()).isEqualTo("Sam");
    var described = json.get("session");
    assertThat(described.get("id").stringValue()).isEqualTo(session.toString());
    assertThat(described.get("generation").intValue()).isEqualTo(3);
    assertThat(described.get("ip").isNull()).isTrue();
    assertThat(described.get("userAgent").stringValue()).isEqualTo("test-agent");
    assertThat(described.get("createdAt").isString()).isTrue();
    assertThat(described.get("refreshedAt").isString()).isTrue();
    assertThat(Instant.parse(json.get("accessTokenExpiresAt").stringValue()))
        .isAfter(Instant.now());
  }

  @Test
  void shouldRefuseTheSessionWhenItWasRevokedInTheProjection() {
    var user = UUID.randomUUID();
    var session = UUID.randomUUID();
    ENV.addUser(user, user + "@x.io", "Rex", null);
    ENV.addSession(session, user, 0, null);
    ENV.sql(
        ENV.authDatabase(),
        "update sessions set revoked_at = now(), revoke_reason = 'SIGNED_OUT' where id = ?",
        session);

    var reply = http().get("/api/auth/session", ENV.tokens().valid(user, session));

    assertProblem(reply, 401, "UNAUTHENTICATED");
  }

  @Test
  void shouldWaitForTheProjectionWhenAMinPositionIsAhead() {
    var user = UUID.randomUUID();
    var token = ENV.tokens().valid(user);
    var pending =
        CompletableFuture.supplyAsync(
            () -> http().get("/api/profiles/" + user, token, MIN_POSITION, user + ":1"));
    await()
        .pollDelay(Duration.ofMillis(300))
        .atMost(Duration.ofSeconds(1))
        .until(() -> !pending.isDone());

    ENV.addUser(user, user + "@x.io", "Late", null);
    ENV.applied(ENV.authDatabase(), user, 1);

    var reply = pending.join();
    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.json().get("displayName").stringValue()).isEqualTo("Late");
    assertThat(reply.header("X-Ohkay-Stale")).isEmpty();
  }

  @Test
  void shouldMarkTheAnswerStaleWhenTheProjectionStaysBehind() {
    var user = UUID.randomUUID();
    var session = UUID.randomUUID();
    ENV.addUser(user, user + "@x.io", "Slow", null);
    ENV.addSession(session, user, 0, null);
    ENV.applied(ENV.authDatabase(), user, 4);
    var token = ENV.tokens().valid(user, session);

    var me = http().get("/api/profiles/me", token, MIN_POSITION, user + ":5");
    var described = http().get("/api/auth/session", token, MIN_POSITION, user + ":5");
    var fresh = http().get("/api/auth/session", token, MIN_POSITION, user + ":4");

    assertThat(me.status()).isEqualTo(200);
    assertThat(me.header("X-Ohkay-Stale")).contains("true");
    assertThat(described.status()).isEqualTo(200);
    assertThat(described.header("X-Ohkay-Stale")).contains("true");
    assertThat(fresh.status()).isEqualTo(200);
    assertThat(fresh.header("X-Ohkay-Stale")).isEmpty();
    assertProblem(
        http().get("/api/profiles/me", token, MIN_POSITION, "nonsense"), 400, "VALIDATION_FAILED");
  }

  private static void assertProblem(EdgeHttp.Reply reply, int status, String code) {
    assertThat(reply.status()).isEqualTo(status);
    assertThat(reply.contentType()).startsWith("application/problem+json");
    assertThat(reply.json().get("code").stringValue()).isEqualTo(code);
  }
}
