package io.ohkay.command.token;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.ohkay.schemas.id.SessionId;
import io.ohkay.schemas.id.UserId;
import io.ohkay.schemas.token.AccessTokens;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.UUID;

/** Signs short-lived ES256 access tokens; every service verifies them with the public key. */
public final class AccessTokenIssuer {

  private final ECKey key;
  private final ECDSASigner signer;
  private final String audience;
  private final Duration ttl;
  private final Clock clock;

  public AccessTokenIssuer(ECKey key, Duration ttl, Clock clock) {
    this(key, AccessTokens.AUDIENCE, ttl, clock);
  }

  /** An issuer of tokens for {@code audience}: the one difference of a stream ticket. */
  AccessTokenIssuer(ECKey key, String audience, Duration ttl, Clock clock) {
    this.key = key;
    this.audience = audience;
    this.ttl = ttl;
    this.clock = clock;
    try {
      this.signer = new ECDSASigner(key);
    } catch (JOSEException e) {
      throw new IllegalArgumentException("not a private EC key", e);
    }
  }

  /** A signed access token. */
  public IssuedToken issue(UserId user, SessionId session) {
    var now = clock.instant();
    var claims =
        new JWTClaimsSet.Builder()
            .issuer(AccessTokens.ISSUER)
            .audience(audience)
            .subject(user.toString())
            .claim(AccessTokens.SESSION_CLAIM, session.toString())
            .jwtID(UUID.randomUUID().toString())
            .issueTime(Date.from(now))
            .expirationTime(Date.from(now.plus(ttl)))
            .build();
    var header =
        new JWSHeader.Builder(AccessTokens.ALGORITHM)
            .type(AccessTokens.TYPE)
            .keyID(key.getKeyID())
            .build();
    var jwt = new SignedJWT(header, claims);
    try {
      jwt.sign(signer);
    } catch (JOSEException e) {
      throw new IllegalStateException("cannot sign token", e);
    }
    return new IssuedToken(jwt.serialize(), ttl);
  }

  /** A token and its lifetime, as the client receives them. */
  public record IssuedToken(String token, Duration expiresIn) {}
}
