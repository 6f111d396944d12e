package io.ohkay.schemas.command;

import io.ohkay.schemas.id.ServerId;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * {@code invite.create.v1}: a member creates an invite code to the server, valid until {@code
 * expiresAt} (null: never) for at most {@code maxUses} joins (null: unlimited).
 */
public record CreateInvite(
    ServerId serverId, String code, @Nullable Instant expiresAt, @Nullable Integer maxUses)
    implements ServerCommand {}
