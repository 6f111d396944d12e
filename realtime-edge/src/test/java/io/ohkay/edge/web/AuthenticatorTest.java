package io.ohkay.edge.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.ohkay.edge.TestTokens;
import io.ohkay.schemas.error.ErrorCode;
import io.ohkay.schemas.id.SessionId;
import io.ohkay.schemas.id.UserId;
import io.ohkay.schemas.token.AccessTokenKeys;
import io.ohkay.schemas.token.SessionRevocations;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Date;
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

  @Test
  void shouldAcceptTheBearerTokenWhenAStreamRequestHasNoTicket() {
    var file = keys.resolve("key.jwk");
    var tokens = new TestTokens(AccessTokenKeys.loadOrGenerate(file));
    var request = stream("Bearer " + tokens.valid(user)).queryParam("cursor", "0").build();

    assertThat(authenticator(file).requireStream(request).userId()).isEqualTo(new UserId(user));
  }

  @Test
  void shouldAcceptTheTicketWhenAStreamRequestHasNoAuthorizationHeader() {
    var file = keys.resolve("key.jwk");
    var key = AccessTokenKeys.loadOrGenerate(file);
    var session = UUID.randomUUID();
    var request = stream().queryParam("ticket", ticket(key, session, Instant.now())).build();

    var claims = authenticator(file).requireStream(request);

    assertThat(claims.userId()).isEqualTo(new UserId(user));
    assertThat(claims.sessionId()).isEqualTo(new SessionId(session));
  }

  @Test
  void shouldRefuseATicketAsAnAccessTokenAndAnAccessTokenAsATicketWhenSwapped() {
    var file = keys.resolve("key.jwk");
    var key = AccessTokenKeys.loadOrGenerate(file);
    var authenticator = authenticator(file);
    var ticket = ticket(key, UUID.randomUUID(), Instant.now());
    var token = new TestTokens(key).valid(user);

    assertStreamRefused(authenticator, ErrorCode.UNAUTHENTICATED, stream("Bearer " + ticket));
    assertRefused(authenticator, ErrorCode.UNAUTHENTICATED, "Bearer " + ticket);
    assertStreamRefused(
        authenticator, ErrorCode.UNAUTHENTICATED, stream().queryParam("ticket", token));
  }

  @Test
  void shouldRefuseWithValidationFailedWhenAStreamRequestHasBothATicketAndAToken() {
    var file = keys.resolve("key.jwk");
    var key = AccessTokenKeys.loadOrGenerate(file);
    var request =
        stream("Bearer " + new TestTokens(key).valid(user))
            .queryParam("ticket", ticket(key, UUID.randomUUID(), Instant.now()));

    assertStreamRefused(authenticator(file), ErrorCode.VALIDATION_FAILED, request);
  }

  @Test
  void shouldRefuseWithValidationFailedWhenTheUrlHoldsAnAccessToken() {
    var file = keys.resolve("key.jwk");
    var tokens = new TestTokens(AccessTokenKeys.loadOrGenerate(file));
    var authenticator = authenticator(file);
    var token = tokens.valid(user);

    for (var name : new String[] {"access_token", "token", "Access_Token", "TOKEN"}) {
      assertThatThrownBy(
              () -> authenticator.requireStream(stream().queryParam(name, token).build()))
          .isInstanceOfSatisfying(
              ProblemException.class,
              problem -> {
                assertThat(problem.code()).isEqualTo(ErrorCode.VALIDATION_FAILED);
                assertThat(problem.detail()).contains("ticket");
              });
      assertStreamRefused(
          authenticator,
          ErrorCode.VALIDATION_FAILED,
          stream("Bearer " + token).queryParam(name, token));
    }
  }

  @Test
  void shouldRefuseTheTicketWhenExpiredForgedRevokedOrSentTwice() {
    var file = keys.resolve("key.jwk");
    var key = AccessTokenKeys.loadOrGenerate(file);
    var authenticator = authenticator(file);
    var expired = ticket(key, UUID.randomUUID(), Instant.now().minusSeconds(120));
    var forged = ticket(otherKey(), UUID.randomUUID(), Instant.now());
    var session = UUID.randomUUID();
    var revoked = ticket(key, session, Instant.now());
    var valid = ticket(key, UUID.randomUUID(), Instant.now());
    revocations.revoke(new SessionId(session), Instant.now());

    assertStreamRefused(
        authenticator, ErrorCode.UNAUTHENTICATED, stream().queryParam("ticket", expired));
    assertStreamRefused(
        authenticator, ErrorCode.UNAUTHENTICATED, stream().queryParam("ticket", forged));
    assertStreamRefused(
        authenticator, ErrorCode.UNAUTHENTICATED, stream().queryParam("ticket", revoked));
    assertStreamRefused(
        authenticator, ErrorCode.UNAUTHENTICATED, stream().queryParam("ticket", ""));
    assertStreamRefused(
        authenticator,
        ErrorCode.VALIDATION_FAILED,
        stream().queryParam("ticket", valid).queryParam("ticket", valid));
    assertStreamRefused(authenticator, ErrorCode.UNAUTHENTICATED, stream());
  }

  @Test
  void shouldAnswerUnavailableForATicketWhenTheRevocationsAreNotLoadedYet() {
    var file = keys.resolve("key.jwk");
    var ticket = ticket(AccessTokenKeys.loadOrGenerate(file), UUID.randomUUID(), Instant.now());
    var authenticator = authenticator(file);
    loaded.set(false);

    assertStreamRefused(
        authenticator, ErrorCode.UNAVAILABLE, stream().queryParam("ticket", ticket));
  }

  private static MockServerRequest.Builder stream(String... authorization) {
    var request = MockServerRequest.builder();
    for (var value : authorization) {
      request.header("Authorization", value);
    }
    return request;
  }

  private static void assertStreamRefused(
      Authenticator authenticator, ErrorCode code, MockServerRequest.Builder request) {
    assertThatThrownBy(() -> authenticator.requireStream(request.build()))
        .isInstanceOfSatisfying(
            ProblemException.class, problem -> assertThat(problem.code()).isEqualTo(code));
  }

  /**
   * A 60-second stream ticket of this test's user, issued at {@code issuedAt}, minted the way the
   * command API does, spelled out so contract drift fails.
   */
  private String ticket(ECKey key, UUID session, Instant issuedAt) {
    var header =
        new JWSHeader.Builder(JWSAlgorithm.ES256)
            .type(new JOSEObjectType("at+jwt"))
            .keyID(key.getKeyID())
            .build();
    var claims =
        new JWTClaimsSet.Builder()
            .issuer("ohkay")
            .audience("ohkay-stream")
            .subject(user.toString())
            .claim("sid", session.toString())
            .issueTime(Date.from(issuedAt))
            .expirationTime(Date.from(issuedAt.plusSeconds(60)))
            .jwtID(UUID.randomUUID().toString())
            .build();
    var jwt = new SignedJWT(header, claims);
    try {
      jwt.sign(new ECDSASigner(key));
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
    return jwt.serialize();
  }

  private static ECKey otherKey() {
    try {
      return new ECKeyGenerator(Curve.P_256).keyID("other").generate();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }
}
