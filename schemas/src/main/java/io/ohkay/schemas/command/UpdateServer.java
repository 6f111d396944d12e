package io.ohkay.schemas.command;

import io.ohkay.schemas.id.ServerId;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * {@code server.update.v1}: rename the server and/or change its description (null: unchanged; an
 * empty description clears it).
 */
public record UpdateServer(ServerId serverId, @Nullable String name, @Nullable String description)
    implements ServerCommand {

  public UpdateServer {
    Objects.requireNonNull(serverId, "serverId");
  }
}
