package io.ohkay.schemas.command;

import io.ohkay.schemas.id.SessionId;
import io.ohkay.schemas.id.UserId;

/** {@code session.revoke.v1}: sign out of one session. */
public record RevokeSession(UserId userId, SessionId sessionId) implements AccountCommand {}
