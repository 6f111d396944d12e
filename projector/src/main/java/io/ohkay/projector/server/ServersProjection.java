package io.ohkay.projector.server;

import io.ohkay.projector.projection.DatabaseNames;
import io.ohkay.projector.projection.Projection;
import io.ohkay.projector.projection.Statement;
import io.ohkay.projector.projection.Write;
import io.ohkay.schemas.event.ChannelCreated;
import io.ohkay.schemas.event.Event;
import io.ohkay.schemas.event.MemberJoined;
import io.ohkay.schemas.event.MessagePosted;
import io.ohkay.schemas.event.ServerCreated;
import io.ohkay.schemas.event.UserEvent;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Writes {@code servers} (with the placement of each server's own database) and {@code
 * server_members} of the registry.
 */
public final class ServersProjection implements Projection {

  /** Every server lives on the one PostgreSQL cluster the projector writes to. */
  public static final String DEFAULT_CLUSTER = "default";

  static final Statement INSERT_SERVER =
      Statement.of(
          "servers",
          10,
          "INSERT INTO servers (id, name, owner_id, cluster, database_name, created_at)"
              + " VALUES (?, ?, ?, ?, ?, ?)");

  static final Statement INSERT_MEMBER =
      Statement.of(
          "server_members",
          20,
          "INSERT INTO server_members (server_id, user_id, joined_at) VALUES (?, ?, ?)");

  private final DatabaseNames names;

  public ServersProjection(DatabaseNames names) {
    this.names = names;
  }

  @Override
  public List<Write> project(Event event) {
    var at = event.occurredAt().atOffset(ZoneOffset.UTC);
    return switch (event.payload()) {
      case ServerCreated created ->
          List.of(
              INSERT_SERVER.with(
                  created.serverId().value(),
                  created.name(),
                  created.ownerId().value(),
                  DEFAULT_CLUSTER,
                  names.server(created.serverId()),
                  at));
      case MemberJoined joined ->
          List.of(INSERT_MEMBER.with(joined.serverId().value(), joined.userId().value(), at));
      case ChannelCreated ignored -> List.of();
      case MessagePosted ignored -> List.of();
      case UserEvent ignored -> List.of();
    };
  }
}
