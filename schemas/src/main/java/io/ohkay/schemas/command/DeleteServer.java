package io.ohkay.schemas.command;

import io.ohkay.schemas.id.ServerId;
import java.util.Objects;

/** {@code server.delete.v1}: the owner deletes the server and everything in it. */
public record DeleteServer(ServerId serverId) implements ServerCommand {

  public DeleteServer {
    Objects.requireNonNull(serverId, "serverId");
  }
}
