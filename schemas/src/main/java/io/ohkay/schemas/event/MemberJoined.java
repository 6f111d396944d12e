package io.ohkay.schemas.event;

import io.ohkay.schemas.id.ServerId;
import io.ohkay.schemas.id.UserId;

/** {@code member.joined.v1}: a user became a member of a server (the owner joins at creation). */
public record MemberJoined(ServerId serverId, UserId userId) implements ServerEvent {}
