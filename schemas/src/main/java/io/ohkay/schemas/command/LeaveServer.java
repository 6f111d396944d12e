package io.ohkay.schemas.command;

import io.ohkay.schemas.id.ServerId;
import java.util.Objects;

/** {@code member.leave.v1}: the actor leaves the server (the owner cannot). */
public record LeaveServer(ServerId serverId) implements ServerCommand {

  public LeaveServer {
    Objects.requireNonNull(serverId, "serverId");
  }
}
