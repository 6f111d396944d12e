package io.ohkay.edge.account;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** {@code GET /api/auth/session}: who the caller is, the session of their token, its expiry. */
record SessionView(User user, Session session, Instant accessTokenExpiresAt) {

  /** The signed-in user. */
  record User(UUID id, String email, String displayName) {}

  /** The session (refresh-token family); {@code generation} counts its refreshes. */
  @JsonInclude(JsonInclude.Include.ALWAYS)
  record Session(
      UUID id,
      Instant createdAt,
      Instant refreshedAt,
      int generation,
      @Nullable String ip,
      @Nullable String userAgent) {}
}
