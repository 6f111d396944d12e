package io.ohkay.schemas.token;

import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import io.ohkay.schemas.id.SessionId;
import io.ohkay.schemas.id.UserId;
import java.text.ParseException;
import java.util.Optional;
import java.util.Set;

/**
 * Verifies access tokens with the public key alone: algorithm pinned to ES256, {@code typ}, {@code
 * iss}, {@code aud}, {@code exp} checked. Thread-safe.
 */
public final class AccessTokenVerifier {

  private final DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();

  public AccessTokenVerifier(ECKey publicKey) {
    var keys = new ImmutableJWKSet<SecurityContext>(new JWKSet(publicKey.toPublicJWK()));
    processor.setJWSKeySelector(new JWSVerificationKeySelector<>(AccessTokens.ALGORITHM, keys));
    processor.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(AccessTokens.TYPE));
    processor.setJWTClaimsSetVerifier(
        new DefaultJWTClaimsVerifier<>(
            AccessTokens.AUDIENCE,
            new JWTClaimsSet.Builder().issuer(AccessTokens.ISSUER).build(),
            Set.of("sub", "exp", "iat", "jti", AccessTokens.SESSION_CLAIM)));
  }

  /** The claims of a valid token; empty for anything forged, expired, malformed or foreign. */
  public Optional<AccessTokenClaims> verify(String token) {
    try {
      var claims = processor.process(token, null);
      return Optional.of(
          new AccessTokenClaims(
              UserId.parse(claims.getSubject()),
              SessionId.parse(claims.getStringClaim(AccessTokens.SESSION_CLAIM)),
              claims.getIssueTime().toInstant(),
              claims.getExpirationTime().toInstant()));
    } catch (ParseException | com.nimbusds.jose.JOSEException e) {
      return Optional.empty();
    } catch (com.nimbusds.jose.proc.BadJOSEException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
