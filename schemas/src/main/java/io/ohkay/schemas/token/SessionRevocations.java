package io.ohkay.schemas.token;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.ohkay.schemas.event.Event;
import io.ohkay.schemas.event.SessionRevoked;
import io.ohkay.schemas.event.UserDeleted;
import io.ohkay.schemas.id.SessionId;
import io.ohkay.schemas.id.UserId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * The sessions and accounts whose access tokens are refused although they have not expired, learnt
 * from {@code session.revoked} and {@code user.deleted} events. Each service feeds its own instance
 * from the auth events topic, starting {@link #HORIZON} back: an access token lives at most {@link
 * AccessTokens#MAX_LIFETIME}, so an older revocation can no longer matter and is forgotten.
 * Thread-safe.
 */
public final class SessionRevocations {

  /** How long a revocation is remembered; also how far back a service reads at start. */
  public static final Duration HORIZON =
      AccessTokens.MAX_LIFETIME.plus(AccessTokenVerifier.CLOCK_SKEW);

  private final Cache<UUID, Instant> revoked;

  public SessionRevocations() {
    this(Clock.systemUTC());
  }

  public SessionRevocations(Clock clock) {
    this.revoked =
        Caffeine.newBuilder()
            .expireAfterWrite(HORIZON)
            .ticker(() -> clock.millis() * 1_000_000L)
            .build();
  }

  /** Records what {@code event} revokes, if anything; returns whether it revoked something. */
  public boolean apply(Event event) {
    return switch (event.payload()) {
      case SessionRevoked r -> remember(r.sessionId().value(), event.occurredAt());
      case UserDeleted d -> remember(d.userId().value(), event.occurredAt());
      default -> false;
    };
  }

  /** Refuses the session's tokens from now on. */
  public void revoke(SessionId session, Instant at) {
    remember(session.value(), at);
  }

  /** Refuses every token of the account from now on. */
  public void revoke(UserId user, Instant at) {
    remember(user.value(), at);
  }

  /** Whether a token with these claims must be refused although its signature and expiry pass. */
  public boolean isRevoked(AccessTokenClaims claims) {
    return revoked.getIfPresent(claims.sessionId().value()) != null
        || revoked.getIfPresent(claims.userId().value()) != null;
  }

  private boolean remember(UUID id, Instant at) {
    revoked.asMap().merge(id, at, (a, b) -> a.isBefore(b) ? a : b);
    return true;
  }
}
