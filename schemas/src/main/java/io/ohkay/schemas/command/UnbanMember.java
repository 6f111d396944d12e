package io.ohkay.schemas.command;

import io.ohkay.schemas.id.ServerId;
import io.ohkay.schemas.id.UserId;

/** {@code member.unban.v1}: lift a ban; the user may join again through an invite. */
public record UnbanMember(ServerId serverId, UserId userId) implements ServerCommand {}
