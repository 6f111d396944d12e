package io.ohkay.schemas.event;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.ohkay.schemas.id.UserId;
import org.jspecify.annotations.Nullable;

/**
 * {@code profile.updated.v1}: the user's public profile is now exactly this (a full replacement;
 * null means not set).
 */
public record ProfileUpdated(
    UserId userId,
    String displayName,
    @JsonInclude(JsonInclude.Include.ALWAYS) @Nullable String avatarUrl,
    @JsonInclude(JsonInclude.Include.ALWAYS) @Nullable String bio)
    implements UserEvent {}
