package io.ohkay.schemas.event;

import io.ohkay.schemas.id.ServerId;
import io.ohkay.schemas.id.UserId;

/**
 * {@code invite.accepted.v1}: a user joined through this code (one use); a member.joined follows.
 */
public record InviteAccepted(ServerId serverId, String code, UserId userId)
    implements ServerEvent {}
