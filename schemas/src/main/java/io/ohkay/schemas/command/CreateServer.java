package io.ohkay.schemas.command;

import io.ohkay.schemas.event.ServerCreated;
import io.ohkay.schemas.id.ChannelId;
import io.ohkay.schemas.id.ServerId;
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
    this.serverId = serverId;
    this.name = name;
    this.generalChannelId = generalChannelId;
    this.cluster = cluster == null ? ServerCreated.DEFAULT_CLUSTER : cluster;
  }
}
