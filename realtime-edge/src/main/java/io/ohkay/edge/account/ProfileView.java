package io.ohkay.edge.account;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A public profile, {@code GET /api/profiles/{id}}: unset fields are sent as null; {@code deleted}
 * is only sent (true) for a deleted account.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
record ProfileView(
    UUID id,
    String displayName,
    @Nullable String avatarUrl,
    @Nullable String bio,
    @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable Boolean deleted) {}
