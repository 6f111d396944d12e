package io.ohkay.schemas.event;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.ohkay.schemas.id.SessionId;
import io.ohkay.schemas.id.UserId;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * {@code session.started.v1}: a sign-in (or sign-up) opened a session, the family of its refresh
 * tokens, at generation 0, until {@code expiresAt} unless refreshed. Carries the client's address
 * and user agent for the login history; never a token or a token hash.
 */
public record SessionStarted(
    UserId userId,
    SessionId sessionId,
    Instant expiresAt,
    @JsonInclude(JsonInclude.Include.ALWAYS) @Nullable String ip,
    @JsonInclude(JsonInclude.Include.ALWAYS) @Nullable String userAgent)
    implements UserEvent {}
