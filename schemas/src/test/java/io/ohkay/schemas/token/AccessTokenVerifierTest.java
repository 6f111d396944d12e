package io.ohkay.schemas.token;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.PlainHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import io.ohkay.schemas.id.SessionId;
import io.ohkay.schemas.id.UserId;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Every way of forging or misusing an access token is refused, each on its own. */
class AccessTokenVerifierTest {

  private static final String KEY_ID = "ohkay-test-key";
  private static final ECKey KEY = generate();
  private static final UserId USER = new UserId(UUID.randomUUID());
  private static final SessionId SESSION = new SessionId(UUID.randomUUID());
  private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);

  private final AccessTokenVerifier verifier = new AccessTokenVerifier(KEY.toPublicJWK());

  @Test
  void shouldReturnTheClaimsWhenTheTokenIsValid() throws JOSEException {
    var claims = verifier.verify(es256(KEY, AccessTokens.TYPE, claims().build()));

    assertThat(claims)
        .contains(new AccessTokenClaims(USER, SESSION, NOW, NOW.plus(Duration.ofMinutes(15))));
  }

  @Test
  void shouldRefuseARememberedTokenWhenItHasExpiredSince() throws JOSEException {
    var now = new java.util.concurrent.atomic.AtomicReference<>(NOW);
    var clock =
        new java.time.Clock() {
          @Override
          public java.time.ZoneId getZone() {
            return java.time.ZoneOffset.UTC;
          }

          @Override
          public java.time.Clock withZone(java.time.ZoneId zone) {
            return this;
          }

          @Override
          public Instant instant() {
            return now.get();
          }
        };
    var remembering =
        new AccessTokenVerifier(KEY.toPublicJWK(), new SessionRevocations(clock), clock);
    var token = es256(KEY, AccessTokens.TYPE, claims().build());

    assertThat(remembering.verify(token)).isPresent();
    assertThat(remembering.verify(token)).as("remembered").isPresent();
    now.set(NOW.plus(Duration.ofMinutes(16)));
    assertThat(remembering.verify(token)).as("expired while remembered").isEmpty();
  }

  @Test
  void shouldVerifyWithThePublicKeyAloneWhenBuiltFromAPrivateKey() throws JOSEException {
    var fromPrivate = new AccessTokenVerifier(KEY);

    assertThat(fromPrivate.verify(es256(KEY, AccessTokens.TYPE, claims().build()))).isPresent();
  }

  @Test
  void shouldRefuseTheTokenWhenItIsUnsigned() {
    var header = new PlainHeader.Builder().type(AccessTokens.TYPE).build();
    var token = new PlainJWT(header, claims().build()).serialize();

    assertThat(verifier.verify(token)).isEmpty();
  }

  @Test
  void shouldRefuseTheTokenWhenHmacSignedWithThePublicKeyAsSecret() throws JOSEException {
    var secret = KEY.toECPublicKey().getEncoded();
    var header =
        new JWSHeader.Builder(JWSAlgorithm.HS256).type(AccessTokens.TYPE).keyID(KEY_ID).build();
    var jwt = new SignedJWT(header, claims().build());
    jwt.sign(new MACSigner(secret));

    assertThat(verifier.verify(jwt.serialize())).isEmpty();
  }

  @Test
  void shouldRefuseTheTokenWhenSignedWithAnotherEcKey() throws JOSEException {
    var attacker = generate();

    assertThat(verifier.verify(es256(attacker, AccessTokens.TYPE, claims().build()))).isEmpty();
  }

  @Test
  void shouldRefuseTheTokenWhenItHasExpired() throws JOSEException {
    var expired =
        claims()
            .issueTime(Date.from(NOW.minus(Duration.ofMinutes(30))))
            .expirationTime(Date.from(NOW.minus(Duration.ofMinutes(5))))
            .build();

    assertThat(verifier.verify(es256(KEY, AccessTokens.TYPE, expired))).isEmpty();
  }

  @Test
  void shouldRefuseTheTokenWhenTheAudienceIsAnotherOne() throws JOSEException {
    var foreign = claims().audience("billing-api").build();

    assertThat(verifier.verify(es256(KEY, AccessTokens.TYPE, foreign))).isEmpty();
  }

  @Test
  void shouldRefuseTheTokenWhenTheIssuerIsAnotherOne() throws JOSEException {
    var foreign = claims().issuer("not-ohkay").build();

    assertThat(verifier.verify(es256(KEY, AccessTokens.TYPE, foreign))).isEmpty();
  }

  @Test
  void shouldRefuseTheTokenWhenItsTypIsNotAnAccessToken() throws JOSEException {
    assertThat(verifier.verify(es256(KEY, JOSEObjectType.JWT, claims().build()))).isEmpty();
  }

  @Test
  void shouldRefuseTheTokenWhenItHasNoTyp() throws JOSEException {
    assertThat(verifier.verify(es256(KEY, null, claims().build()))).isEmpty();
  }

  @Test
  void shouldRefuseTheTokenWhenItsPayloadWasTampered() throws JOSEException {
    var token = es256(KEY, AccessTokens.TYPE, claims().build());
    var tampered = replacePayload(token, claims().subject(UUID.randomUUID().toString()).build());

    assertThat(verifier.verify(token)).isPresent();
    assertThat(verifier.verify(tampered)).isEmpty();
  }

  @Test
  void shouldRefuseTheTokenWhenTheSessionClaimIsMissing() throws JOSEException {
    var noSession = claims().claim(AccessTokens.SESSION_CLAIM, null).build();

    assertThat(verifier.verify(es256(KEY, AccessTokens.TYPE, noSession))).isEmpty();
  }

  @Test
  void shouldRefuseTheTokenWhenTheSubjectIsNotAUserId() throws JOSEException {
    var notAUser = claims().subject("1-1-1-1-1").build();

    assertThat(verifier.verify(es256(KEY, AccessTokens.TYPE, notAUser))).isEmpty();
  }

  @Test
  void shouldRefuseTheTokenWhenItIsNotAJwt() {
    assertThat(verifier.verify("not.a.jwt")).isEmpty();
    assertThat(verifier.verify("")).isEmpty();
  }

  private static JWTClaimsSet.Builder claims() {
    return new JWTClaimsSet.Builder()
        .issuer(AccessTokens.ISSUER)
        .audience(AccessTokens.AUDIENCE)
        .subject(USER.toString())
        .claim(AccessTokens.SESSION_CLAIM, SESSION.toString())
        .issueTime(Date.from(NOW))
        .expirationTime(Date.from(NOW.plus(Duration.ofMinutes(15))))
        .jwtID(UUID.randomUUID().toString());
  }

  private static String es256(ECKey key, JOSEObjectType type, JWTClaimsSet claims)
      throws JOSEException {
    var header = new JWSHeader.Builder(JWSAlgorithm.ES256).type(type).keyID(KEY_ID).build();
    var jwt = new SignedJWT(header, claims);
    jwt.sign(new ECDSASigner(key));
    return jwt.serialize();
  }

  private static String replacePayload(String token, JWTClaimsSet claims) {
    var parts = token.split("\\.");
    parts[1] = Base64URL.encode(claims.toString()).toString();
    return String.join(".", parts);
  }

  private static ECKey generate() {
    try {
      return new ECKeyGenerator(Curve.P_256)
          .keyID(KEY_ID)
          .algorithm(AccessTokens.ALGORITHM)
          .generate();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }
}
