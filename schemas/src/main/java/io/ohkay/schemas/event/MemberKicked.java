package io.ohkay.schemas.event;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.ohkay.schemas.id.ServerId;
import io.ohkay.schemas.id.UserId;
import org.jspecify.annotations.Nullable;

/**
 * {@code member.kicked.v1}: a moderator removed the member, for {@code reason}; followed by their
 * {@code member.left.v1} (KICKED). They may rejoin through an invite.
 */
public record MemberKicked(
    ServerId serverId,
    UserId userId,
    @JsonInclude(JsonInclude.Include.ALWAYS) @Nullable String reason)
    implements ServerEvent {}
