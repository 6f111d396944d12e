package io.ohkay.edge.account;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A {@code sessions} row with its account's e-mail and display name. */
record SessionRow(
    UUID id,
    UUID userId,
    Instant createdAt,
    Instant refreshedAt,
    int generation,
    @Nullable String ip,
    @Nullable String userAgent,
    @Nullable Instant revokedAt,
    @Nullable String email,
    @Nullable String displayName) {

  /** The view of a live session; empty once it is revoked or its account erased. */
  Optional<SessionView> view(Instant accessTokenExpiresAt) {
    if (revokedAt != null || email == null || displayName == null) {
      return Optional.empty();
    }
    return Optional.of(
        new SessionView(
            new SessionView.User(userId, email, displayName),
            new SessionView.Session(id, createdAt, refreshedAt, generation, ip, userAgent),
            accessTokenExpiresAt));
  }
}
