package io.ohkay.schemas.event;

import io.ohkay.schemas.id.ServerId;
import io.ohkay.schemas.id.UserId;
import org.jspecify.annotations.Nullable;

/**
 * {@code server.created.v1}: a server exists, owned by {@code ownerId}, its database on the
 * PostgreSQL cluster named {@code cluster}; always seq 1. Events written before placement existed
 * have no cluster: they read as {@link #DEFAULT_CLUSTER}.
 */
public record ServerCreated(ServerId serverId, String name, UserId ownerId, String cluster)
    implements ServerEvent {

  /** The cluster of servers created before placement was recorded: the first one configured. */
  public static final String DEFAULT_CLUSTER = "main";

  public ServerCreated(ServerId serverId, String name, UserId ownerId, @Nullable String cluster) {
    this.serverId = serverId;
    this.name = name;
    this.ownerId = ownerId;
    this.cluster = cluster == null ? DEFAULT_CLUSTER : cluster;
  }
}
