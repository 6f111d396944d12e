package io.ohkay.schemas.command;

import io.ohkay.schemas.event.ServerCreated;
import io.ohkay.schemas.id.ChannelId;
import io.ohkay.schemas.id.ServerId;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * {@code server.create.v1}: create a server owned by the actor, with a first {@code general}
 * channel, its database on the PostgreSQL cluster {@code cluster} (chosen by the command API; null
 * in commands written before placement existed: the default cluster).
 */
public record CreateServer(
    ServerId serverId, String name, ChannelId generalChannelId, String cluster)
    implements ServerCommand {

  public CreateServer(
      ServerId serverId, String name, ChannelId generalChannelId, @Nullable String cluster) {
    this.serverId = Objects.requireNonNull(serverId, "serverId");
    this.name = Objects.requireNonNull(name, "name");
    this.generalChannelId = Objects.requireNonNull(generalChannelId, "generalChannelId");
    this.cluster = cluster == null ? ServerCreated.DEFAULT_CLUSTER : cluster;
  }
}
