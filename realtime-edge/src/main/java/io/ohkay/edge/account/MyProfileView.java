package io.ohkay.edge.account;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** The caller's own profile, {@code GET /api/profiles/me}: the public fields plus private ones. */
@JsonInclude(JsonInclude.Include.ALWAYS)
record MyProfileView(
    UUID id,
    String displayName,
    @Nullable String avatarUrl,
    @Nullable String bio,
    String email,
    Instant createdAt) {}
