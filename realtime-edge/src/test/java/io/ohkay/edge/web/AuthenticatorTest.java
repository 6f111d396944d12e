package io.ohkay.edge.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ohkay.edge.TestTokens;
import io.ohkay.schemas.error.ErrorCode;
import io.ohkay.schemas.id.SessionId;
import io.ohkay.schemas.id.UserId;
import io.ohkay.schemas.token.AccessTokenKeys;
import io.ohkay.schemas.token.SessionRevocations;
import java.nio.file.Path;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.mock.web.reactive.function.server.MockServerRequest;
import org.springframework.web.reactive.function.server.ServerRequest;

class AuthenticatorTest {

  @TempDir Path keys;
  private final UUID user = UUID.randomUUID();
  private final SessionRevocations revocations = new SessionRevocations();
  private final AtomicBoolean loaded = new AtomicBoolean(true);

  private Authenticator authenticator(Path file) {
    return new Authenticator(file, revocations, loaded::get);
  }

  private static ServerRequest withAuthorization(String... values) {
    var request = MockServerRequest.builder();
    for (var value : values) {
      request.header("Authorization", value);
    }
    return request.build();
  }

  private static void assertRefused(Authenticator authenticator, ErrorCode code, String... values) {
    assertThatThrownBy(() -> authenticator.require(withAuthorization(values)))
        .isInstanceOfSatisfying(
            ProblemException.class, problem -> assertThat(problem.code()).isEqualTo(code));
  }

  @Test
  void shouldReturnTheUserWhenTheTokenIsValid() {
    var file = keys.resolve("key.jwk");
    var tokens = new TestTokens(AccessTokenKeys.loadOrGenerate(file));
    var authenticator = authenticator(file);

    var claims = authenticator.require(withAuthorization("Bearer " + tokens.valid(user)));
    var lowerCase = authenticator.require(withAuthorization("bearer " + tokens.valid(user)));

    assertThat(claims.userId().value()).isEqualTo(user);
    assertThat(lowerCase.userId().value()).isEqualTo(user);
  }

  @Test
  void shouldRefuseWhenTheTokenIsMissingForgedExpiredOrMalformed() {
    var file = keys.resolve("key.jwk");
    var tokens = new TestTokens(AccessTokenKeys.loadOrGenerate(file));
    var authenticator = authenticator(file);

    assertRefused(authenticator, ErrorCode.UNAUTHENTICATED);
    assertRefused(authenticator, ErrorCode.UNAUTHENTICATED, "Bearer " + tokens.forged(user));
    assertRefused(authenticator, ErrorCode.UNAUTHENTICATED, "Bearer " + tokens.expired(user));
    assertRefused(authenticator, ErrorCode.UNAUTHENTICATED, "Bearer ");
    assertRefused(authenticator, ErrorCode.UNAUTHENTICATED, "Bearer abc.def.ghi");
    assertRefused(authenticator, ErrorCode.UNAUTHENTICATED, tokens.valid(user));
    assertRefused(authenticator, ErrorCode.UNAUTHENTICATED, "Basic dXNlcjpwdw==");
    assertRefused(
        authenticator,
        ErrorCode.UNAUTHENTICATED,
        "Bearer " + tokens.valid(user),
        "Bearer " + tokens.valid(user));
    assertRefused(authenticator, ErrorCode.UNAUTHENTICATED, "Bearer " + "a".repeat(5000));
  }

  @Test
  void shouldReadTheKeyOnFirstUseWhenItAppearsAfterStart() {
    var file = keys.resolve("late.jwk");
    var authenticator = authenticator(file);
    assertRefused(authenticator, ErrorCode.UNAVAILABLE, "Bearer x.y.z");

    var tokens = new TestTokens(AccessTokenKeys.loadOrGenerate(file));

    var claims = authenticator.require(withAuthorization("Bearer " + tokens.valid(user)));
    assertThat(claims.userId().value()).isEqualTo(user);
  }

  @Test
  void shouldRefuseTheTokensOfARevokedSessionOrADeletedAccountWhenRevoked() {
    var file = keys.resolve("key.jwk");
    var tokens = new TestTokens(AccessTokenKeys.loadOrGenerate(file));
    var authenticator = authenticator(file);
    var session = UUID.randomUUID();
    var revokedToken = tokens.valid(user, session);
    var otherSession = tokens.valid(user);
    var deleted = UUID.randomUUID();
    var deletedToken = tokens.valid(deleted);
    authenticator.require(withAuthorization("Bearer " + revokedToken));
    authenticator.require(withAuthorization("Bearer " + deletedToken));

    revocations.revoke(new SessionId(session), Instant.now());
    revocations.revoke(new UserId(deleted), Instant.now());

    assertRefused(authenticator, ErrorCode.UNAUTHENTICATED, "Bearer " + revokedToken);
    assertRefused(authenticator, ErrorCode.UNAUTHENTICATED, "Bearer " + deletedToken);
    var other = authenticator.require(withAuthorization("Bearer " + otherSession));
    assertThat(other.userId().value()).isEqualTo(user);
  }

  @Test
  void shouldAnswerUnavailableWhenTheRevocationsAreNotLoadedYet() {
    var file = keys.resolve("key.jwk");
    var tokens = new TestTokens(AccessTokenKeys.loadOrGenerate(file));
    var authenticator = authenticator(file);
    loaded.set(false);

    assertRefused(authenticator, ErrorCode.UNAVAILABLE, "Bearer " + tokens.valid(user));

    loaded.set(true);
    assertThat(authenticator.require(withAuthorization("Bearer " + tokens.valid(user))).userId())
        .isEqualTo(new UserId(user));
  }
}
