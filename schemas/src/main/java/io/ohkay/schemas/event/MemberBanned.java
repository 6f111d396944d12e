package io.ohkay.schemas.event;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.ohkay.schemas.id.ServerId;
import io.ohkay.schemas.id.UserId;
import org.jspecify.annotations.Nullable;

/** {@code member.banned.v1}: the user may not join the server until unbanned. */
public record MemberBanned(
    ServerId serverId,
    UserId userId,
    @JsonInclude(JsonInclude.Include.ALWAYS) @Nullable String reason)
    implements ServerEvent {}
