package io.ohkay.schemas.event;

import io.ohkay.schemas.id.ServerId;
import io.ohkay.schemas.id.UserId;

/**
 * {@code invite.sent.v1}: a member invited {@code inviteeId} with the invite {@code code}; the
 * invitee, not a member, is notified.
 */
public record InviteSent(ServerId serverId, String code, UserId inviterId, UserId inviteeId)
    implements ServerEvent {}
