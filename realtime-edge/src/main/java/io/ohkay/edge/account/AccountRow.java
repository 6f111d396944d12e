package io.ohkay.edge.account;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A {@code users} row joined with its {@code user_profiles} row, as the accounts database holds it:
 * a deleted account is a tombstone (no e-mail, no profile, {@code deletedAt} set).
 */
record AccountRow(
    UUID id,
    @Nullable String email,
    Instant createdAt,
    @Nullable Instant deletedAt,
    @Nullable String displayName,
    @Nullable String avatarUrl,
    @Nullable String bio) {

  /** The name every client shows for a deleted account. */
  static final String DELETED_NAME = "Deleted user";

  /** The profile anyone signed in may read; a placeholder for a deleted account. */
  Optional<ProfileView> publicView() {
    if (deletedAt != null) {
      return Optional.of(new ProfileView(id, DELETED_NAME, null, null, true));
    }
    if (displayName == null) {
      return Optional.empty();
    }
    return Optional.of(new ProfileView(id, displayName, avatarUrl, bio, null));
  }

  /** The owner's view of their account; empty for a deleted or not yet complete one. */
  Optional<MyProfileView> ownView() {
    if (deletedAt != null || displayName == null || email == null) {
      return Optional.empty();
    }
    return Optional.of(new MyProfileView(id, displayName, avatarUrl, bio, email, createdAt));
  }
}
