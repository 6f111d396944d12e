package io.ohkay.projector.server;

import io.ohkay.projector.projection.DatabaseNames;
import io.ohkay.projector.projection.Projection;
import io.ohkay.projector.projection.Statement;
import io.ohkay.projector.projection.Write;
import io.ohkay.schemas.event.ChannelCreated;
import io.ohkay.schemas.event.ChannelDeleted;
import io.ohkay.schemas.event.ChannelMoved;
import io.ohkay.schemas.event.ChannelRenamed;
import io.ohkay.schemas.event.Event;
import io.ohkay.schemas.event.InviteAccepted;
import io.ohkay.schemas.event.InviteCreated;
import io.ohkay.schemas.event.MemberBanned;
import io.ohkay.schemas.event.MemberJoined;
import io.ohkay.schemas.event.MemberLeft;
import io.ohkay.schemas.event.MemberUnbanned;
import io.ohkay.schemas.event.MessagePosted;
import io.ohkay.schemas.event.ServerCreated;
import io.ohkay.schemas.event.UserEvent;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Writes {@code servers} of the registry, with the placement of each server's own database.
 *
 * <p>Statement order in the registry: servers 10, then the rows pointing at them (server_members
 * 20, server_stats 30, server_bans 40, invite_codes 50), then updates (invite uses 60).
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
      case MemberJoined ignored -> List.of();
      case ChannelCreated ignored -> List.of();
      case MessagePosted ignored -> List.of();
      case InviteCreated ignored -> List.of();
      case InviteAccepted ignored -> List.of();
      case MemberLeft ignored -> List.of();
      case MemberBanned ignored -> List.of();
      case MemberUnbanned ignored -> List.of();
      case ChannelRenamed ignored -> List.of();
      case ChannelMoved ignored -> List.of();
      case ChannelDeleted ignored -> List.of();
      case UserEvent ignored -> List.of();
    };
  }
}
