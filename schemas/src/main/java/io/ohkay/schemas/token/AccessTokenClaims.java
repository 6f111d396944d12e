package io.ohkay.schemas.token;

import io.ohkay.schemas.id.SessionId;
import io.ohkay.schemas.id.UserId;
import java.time.Instant;

/** What a verified access token says: who, under which session, until when. */
public record AccessTokenClaims(
    UserId userId, SessionId sessionId, Instant issuedAt, Instant expiresAt) {}
