package io.ohkay.schemas.event;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.ohkay.schemas.id.UserId;
import org.jspecify.annotations.Nullable;

/**
 * {@code signin.failed.v1}: someone presented a wrong password for this account. Recorded for the
 * login history; the password itself is never recorded.
 */
public record SigninFailed(
    UserId userId,
    @JsonInclude(JsonInclude.Include.ALWAYS) @Nullable String ip,
    @JsonInclude(JsonInclude.Include.ALWAYS) @Nullable String userAgent)
    implements UserEvent {}
