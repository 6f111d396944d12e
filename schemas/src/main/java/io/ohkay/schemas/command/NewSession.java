package io.ohkay.schemas.command;

import io.ohkay.schemas.id.SessionId;
import org.jspecify.annotations.Nullable;

/**
 * A session to open: its id and the client's address and user agent. Refresh tokens are MACs the
 * command API computes over (user, session, generation) with its own key, so no token or token hash
 * ever reaches a topic.
 */
public record NewSession(SessionId sessionId, @Nullable String ip, @Nullable String userAgent) {}
