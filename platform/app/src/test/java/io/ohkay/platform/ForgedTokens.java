package io.ohkay.platform;

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
import io.ohkay.schemas.token.AccessTokens;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

/**
 * Access tokens an attacker could make, each wrong in exactly one way, next to the genuine one the
 * same code makes (so a refusal proves the check, not a broken builder).
 */
final class ForgedTokens {

  private final ECKey key;
  private final UUID user;
  private final UUID session;

  ForgedTokens(ECKey key, UUID user, UUID session) {
    this.key = key;
    this.user = user;
    this.session = session;
  }

  /** A token the platform must accept. */
  String genuine() {
    return signed(key, claims(Instant.now(), AccessTokens.AUDIENCE));
  }

  String algNone() {
    var header = new PlainHeader.Builder().type(AccessTokens.TYPE).build();
    return new PlainJWT(header, claims(Instant.now(), AccessTokens.AUDIENCE)).serialize();
  }

  /** HS256 with the public key as the HMAC secret: the classic algorithm-confusion attack. */
  String hs256WithPublicKey() {
    var secret = key.toPublicJWK().toJSONString().getBytes(StandardCharsets.UTF_8);
    var header = new JWSHeader.Builder(JWSAlgorithm.HS256).type(AccessTokens.TYPE).build();
    var jwt = new SignedJWT(header, claims(Instant.now(), AccessTokens.AUDIENCE));
    try {
      jwt.sign(new MACSigner(secret));
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
    return jwt.serialize();
  }

  String wrongKey() {
    try {
      var other = new ECKeyGenerator(Curve.P_256).keyID(key.getKeyID()).generate();
      return signed(other, claims(Instant.now(), AccessTokens.AUDIENCE));
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  String expired() {
    return signed(key, claims(Instant.now().minus(Duration.ofMinutes(20)), AccessTokens.AUDIENCE));
  }

  String wrongAudience() {
    return signed(key, claims(Instant.now(), "some-other-api"));
  }

  /** A genuine token whose payload now names another user, signature kept. */
  String tamperedPayload() {
    var parts = genuine().split("\\.");
    var other =
        new JWTClaimsSet.Builder(claims(Instant.now(), AccessTokens.AUDIENCE))
            .subject(UUID.randomUUID().toString())
            .build();
    var payload = Base64URL.encode(other.toString().getBytes(StandardCharsets.UTF_8));
    return parts[0] + "." + payload + "." + parts[2];
  }

  private JWTClaimsSet claims(Instant issued, String audience) {
    return new JWTClaimsSet.Builder()
        .issuer(AccessTokens.ISSUER)
        .audience(audience)
        .subject(user.toString())
        .claim(AccessTokens.SESSION_CLAIM, session.toString())
        .jwtID(UUID.randomUUID().toString())
        .issueTime(Date.from(issued))
        .expirationTime(Date.from(issued.plus(Duration.ofMinutes(15))))
        .build();
  }

  private static String signed(ECKey signingKey, JWTClaimsSet claims) {
    var header =
        new JWSHeader.Builder(AccessTokens.ALGORITHM)
            .type(new JOSEObjectType(AccessTokens.TYPE.getType()))
            .keyID(signingKey.getKeyID())
            .build();
    var jwt = new SignedJWT(header, claims);
    try {
      jwt.sign(new ECDSASigner(signingKey));
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
    return jwt.serialize();
  }
}
