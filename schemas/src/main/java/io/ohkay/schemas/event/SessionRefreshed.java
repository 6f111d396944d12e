package io.ohkay.schemas.event;

import io.ohkay.schemas.id.SessionId;
import io.ohkay.schemas.id.UserId;

/**
 * {@code session.refreshed.v1}: the session's refresh token rotated; {@code generation} is the new
 * token's, every earlier one is now spent (presenting one revokes the session), and the session now
 * lasts until {@code expiresAt} unless refreshed again.
 */
public record SessionRefreshed(
    UserId userId, SessionId sessionId, int generation, java.time.Instant expiresAt)
    implements UserEvent {}
