package io.ohkay.schemas.event;

import io.ohkay.schemas.id.ServerId;
import io.ohkay.schemas.id.UserId;

/** {@code member.unbanned.v1}: the ban is lifted. */
public record MemberUnbanned(ServerId serverId, UserId userId) implements ServerEvent {}
