package io.ohkay.edge;

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
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

/** Mints access tokens the way the command API does, spelled out so contract drift fails. */
public final class TestTokens {

  private final ECKey key;

  public TestTokens(ECKey key) {
    this.key = key;
  }

  /** A valid token of {@code user} for 10 minutes. */
  public String valid(UUID user) {
    return valid(user, UUID.randomUUID());
  }

  /** A valid token of {@code user}'s session {@code session} for 10 minutes. */
  public String valid(UUID user, UUID session) {
    return sign(key, user, session, Instant.now(), Duration.ofMinutes(10));
  }

  /** A stream ticket of {@code user} for 60 seconds, as {@code POST /api/auth/stream-ticket}. */
  public String ticket(UUID user) {
    return sign(
        key, user, UUID.randomUUID(), Instant.now(), Duration.ofSeconds(60), "ohkay-stream");
  }

  /** A token that expired 5 minutes ago (beyond the verifier's clock skew). */
  public String expired(UUID user) {
    return sign(
        key,
        user,
        UUID.randomUUID(),
        Instant.now().minus(Duration.ofMinutes(15)),
        Duration.ofMinutes(10));
  }

  /** A well-formed token signed by another key. */
  public String forged(UUID user) {
    try {
      var other = new ECKeyGenerator(Curve.P_256).keyID(key.getKeyID()).generate();
      return sign(other, user, UUID.randomUUID(), Instant.now(), Duration.ofMinutes(10));
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String sign(
      ECKey key, UUID user, UUID session, Instant issuedAt, Duration lifetime) {
    return sign(key, user, session, issuedAt, lifetime, "ohkay-api");
  }

  private static String sign(
      ECKey key, UUID user, UUID session, Instant issuedAt, Duration lifetime, String audience) {
    var header =
        new JWSHeader.Builder(JWSAlgorithm.ES256)
            .type(new JOSEObjectType("at+jwt"))
            .keyID(key.getKeyID())
            .build();
    var claims =
        new JWTClaimsSet.Builder()
            .issuer("ohkay")
            .audience(audience)
            .subject(user.toString())
            .claim("sid", session.toString())
            .issueTime(Date.from(issuedAt))
            .expirationTime(Date.from(issuedAt.plus(lifetime)))
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
}
