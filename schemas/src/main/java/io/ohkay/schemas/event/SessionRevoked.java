package io.ohkay.schemas.event;

import io.ohkay.schemas.id.SessionId;
import io.ohkay.schemas.id.UserId;

/**
 * {@code session.revoked.v1}: the session ended before its expiry; its access tokens are refused by
 * every service from this fact on and its live streams end.
 */
public record SessionRevoked(UserId userId, SessionId sessionId, Reason reason)
    implements UserEvent {

  /** Why a session ended. */
  public enum Reason {
    /** The user signed out. */
    SIGNED_OUT,
    /** A spent refresh token of the family was presented again (RFC 9700 reuse detection). */
    REFRESH_TOKEN_REUSED
  }
}
