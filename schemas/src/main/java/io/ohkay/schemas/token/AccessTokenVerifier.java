package io.ohkay.schemas.token;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import io.ohkay.schemas.id.SessionId;
import io.ohkay.schemas.id.UserId;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Verifies access tokens and stream tickets with the public key alone: algorithm pinned to ES256,
 * {@code typ}, {@code iss}, {@code aud}, {@code exp} checked. The audience is the one difference
 * between the two kinds and must be exactly the expected one, so neither passes for the other.
 * Thread-safe.
 *
 * <p>A P-256 signature check costs about a millisecond of CPU and a client sends the same token
 * with every request, so valid tokens are remembered (by their exact text) until they expire: a
 * repeated token costs a hash lookup. Refusals are never remembered.
 */
public final class AccessTokenVerifier {

  /** Tolerated difference between the issuer's clock and ours. */
  static final Duration CLOCK_SKEW = Duration.ofSeconds(5);

  private static final int REMEMBERED_TOKENS = 100_000;

  private final DefaultJWTProcessor<SecurityContext> accessTokens;
  private final DefaultJWTProcessor<SecurityContext> tickets;
  private final Clock clock;
  private final Cache<String, AccessTokenClaims> verified;
  private final SessionRevocations revocations;

  public AccessTokenVerifier(ECKey publicKey) {
    this(publicKey, new SessionRevocations(), Clock.systemUTC());
  }

  public AccessTokenVerifier(ECKey publicKey, SessionRevocations revocations) {
    this(publicKey, revocations, Clock.systemUTC());
  }

  public AccessTokenVerifier(ECKey publicKey, SessionRevocations revocations, Clock clock) {
    this.clock = clock;
    this.revocations = revocations;
    this.verified =
        Caffeine.newBuilder()
            .maximumSize(REMEMBERED_TOKENS)
            .expireAfter(
                Expiry.<String, AccessTokenClaims>creating((token, claims) -> untilExpiry(claims)))
            .build();
    var keys = new ImmutableJWKSet<SecurityContext>(new JWKSet(publicKey.toPublicJWK()));
    this.accessTokens = processor(keys, AccessTokens.AUDIENCE);
    this.tickets = processor(keys, StreamTickets.AUDIENCE);
  }

  private DefaultJWTProcessor<SecurityContext> processor(
      JWKSource<SecurityContext> keys, String audience) {
    var processor = new DefaultJWTProcessor<SecurityContext>();
    processor.setJWSKeySelector(new JWSVerificationKeySelector<>(AccessTokens.ALGORITHM, keys));
    processor.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(AccessTokens.TYPE));
    processor.setJWTClaimsSetVerifier(claimsVerifier(audience));
    return processor;
  }

  private DefaultJWTClaimsVerifier<SecurityContext> claimsVerifier(String audience) {
    var verifier =
        new DefaultJWTClaimsVerifier<SecurityContext>(
            audience,
            new JWTClaimsSet.Builder().issuer(AccessTokens.ISSUER).build(),
            Set.of("sub", "exp", "iat", "jti", AccessTokens.SESSION_CLAIM)) {
          @Override
          protected Date currentTime() {
            return Date.from(clock.instant());
          }
        };
    verifier.setMaxClockSkew((int) CLOCK_SKEW.toSeconds());
    return verifier;
  }

  /**
   * The claims of a valid access token; empty for anything forged, expired, malformed, foreign (a
   * stream ticket included), living longer than {@link AccessTokens#MAX_LIFETIME}, or revoked.
   */
  public Optional<AccessTokenClaims> verify(String token) {
    var known = verified.getIfPresent(token);
    if (known != null && known.expiresAt().plus(CLOCK_SKEW).isAfter(clock.instant())) {
      return revocations.isRevoked(known) ? Optional.empty() : Optional.of(known);
    }
    var claims =
        check(accessTokens, AccessTokens.AUDIENCE, token)
            .filter(valid -> livesAtMost(valid, AccessTokens.MAX_LIFETIME));
    claims.ifPresent(valid -> verified.put(token, valid));
    return claims.filter(valid -> !revocations.isRevoked(valid));
  }

  /**
   * The claims of a valid stream ticket; empty for anything forged, expired, malformed, foreign (an
   * access token included), living longer than {@link StreamTickets#MAX_LIFETIME}, or whose session
   * or account is revoked. A ticket is not used up by a connection: until it expires (the command
   * API issues them for 60 s by default) it opens any number of connections (an {@code EventSource}
   * reconnects with the same URL), each for the ticket's own user and session only, and only while
   * neither is revoked.
   */
  public Optional<AccessTokenClaims> verifyTicket(String ticket) {
    return check(tickets, StreamTickets.AUDIENCE, ticket)
        .filter(valid -> livesAtMost(valid, StreamTickets.MAX_LIFETIME))
        .filter(valid -> !revocations.isRevoked(valid));
  }

  private static boolean livesAtMost(AccessTokenClaims claims, Duration lifetime) {
    return !Duration.between(claims.issuedAt(), claims.expiresAt()).minus(lifetime).isPositive();
  }

  private Duration untilExpiry(AccessTokenClaims claims) {
    var left = Duration.between(clock.instant(), claims.expiresAt().plus(CLOCK_SKEW));
    return left.isNegative() ? Duration.ZERO : left;
  }

  private static Optional<AccessTokenClaims> check(
      DefaultJWTProcessor<SecurityContext> processor, String audience, String token) {
    try {
      var claims = processor.process(token, null);
      if (!List.of(audience).equals(claims.getAudience())) {
        return Optional.empty(); // one audience only: a token naming both kinds is neither
      }
      return Optional.of(
          new AccessTokenClaims(
              UserId.parse(claims.getSubject()),
              SessionId.parse(claims.getStringClaim(AccessTokens.SESSION_CLAIM)),
              claims.getIssueTime().toInstant(),
              claims.getExpirationTime().toInstant()));
    } catch (ParseException | JOSEException | BadJOSEException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
