package io.ohkay.schemas.command;

import io.ohkay.schemas.id.UserId;
import org.jspecify.annotations.Nullable;

/** {@code profile.update.v1}: replace the public profile (null clears a field). */
public record UpdateProfile(
    UserId userId, String displayName, @Nullable String avatarUrl, @Nullable String bio)
    implements AccountCommand {}
