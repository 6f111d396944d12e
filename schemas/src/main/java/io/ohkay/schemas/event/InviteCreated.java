package io.ohkay.schemas.event;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.ohkay.schemas.id.ServerId;
import io.ohkay.schemas.id.UserId;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * {@code invite.created.v1}: an invite code to the server exists, until {@code expiresAt} (null:
 * never) for at most {@code maxUses} joins (null: unlimited).
 */
public record InviteCreated(
    ServerId serverId,
    String code,
    UserId createdBy,
    @JsonInclude(JsonInclude.Include.ALWAYS) @Nullable Instant expiresAt,
    @JsonInclude(JsonInclude.Include.ALWAYS) @Nullable Integer maxUses)
    implements ServerEvent {}
