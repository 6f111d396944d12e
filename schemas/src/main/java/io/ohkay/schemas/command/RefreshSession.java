package io.ohkay.schemas.command;

import io.ohkay.schemas.id.SessionId;
import io.ohkay.schemas.id.UserId;

/**
 * {@code session.refresh.v1}: rotate the session's refresh token. {@code generation} is the
 * generation of the (authentic) token presented: the current one rotates, a spent one revokes the
 * whole session.
 */
public record RefreshSession(UserId userId, SessionId sessionId, int generation)
    implements AccountCommand {}
