package io.ohkay.projector.server;

import io.ohkay.projector.projection.DatabaseNames;
import io.ohkay.projector.projection.Projection;
import io.ohkay.projector.projection.SqlNull;
import io.ohkay.projector.projection.Statement;
import io.ohkay.projector.projection.Write;
import io.ohkay.schemas.event.ChannelCreated;
import io.ohkay.schemas.event.ChannelDeleted;
import io.ohkay.schemas.event.ChannelMoved;
import io.ohkay.schemas.event.ChannelOverwriteRemoved;
import io.ohkay.schemas.event.ChannelOverwriteSet;
import io.ohkay.schemas.event.ChannelRead;
import io.ohkay.schemas.event.ChannelRenamed;
import io.ohkay.schemas.event.DmEvent;
import io.ohkay.schemas.event.Event;
import io.ohkay.schemas.event.InviteAccepted;
import io.ohkay.schemas.event.InviteCreated;
import io.ohkay.schemas.event.InviteSent;
import io.ohkay.schemas.event.MemberBanned;
import io.ohkay.schemas.event.MemberJoined;
import io.ohkay.schemas.event.MemberKicked;
import io.ohkay.schemas.event.MemberLeft;
import io.ohkay.schemas.event.MemberRoleAdded;
import io.ohkay.schemas.event.MemberRoleRemoved;
import io.ohkay.schemas.event.MemberUnbanned;
import io.ohkay.schemas.event.MembersMentioned;
import io.ohkay.schemas.event.MessageDeleted;
import io.ohkay.schemas.event.MessageEdited;
import io.ohkay.schemas.event.MessagePosted;
import io.ohkay.schemas.event.RoleCreated;
import io.ohkay.schemas.event.RoleDeleted;
import io.ohkay.schemas.event.RoleUpdated;
import io.ohkay.schemas.event.ServerCreated;
import io.ohkay.schemas.event.ServerDeleted;
import io.ohkay.schemas.event.ServerUpdated;
import io.ohkay.schemas.event.UserEvent;
import io.ohkay.schemas.id.ServerId;
import io.ohkay.schemas.placement.ServerCredentials;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Writes {@code servers} of the registry, with the placement of each server's own database: its
 * cluster (from the event), its name, its login role and the role's password, sealed.
 *
 * <p>Statement order in the registry: servers 10 (updates 12), then the rows pointing at them
 * (server_members 20, server_stats 30, server_bans 40, invite_codes 50), then updates (invite uses
 * 60), and a server's deletion last (95): it keeps its row, marked deleted with its database
 * dropped, and loses its members, bans and invite codes. The database itself is dropped by the
 * applier once this is committed.
 */
public final class ServersProjection implements Projection {

  /** {@code servers.database_state} of a deleted server: its database is (being) dropped. */
  public static final String DROPPED = "DROPPED";

  static final Statement INSERT_SERVER =
      Statement.of(
          "servers",
          10,
          "INSERT INTO servers"
              + " (id, name, owner_id, cluster, database_name, db_role, db_credentials, created_at)"
              + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)");

  static final Statement UPDATE_SERVER =
      Statement.of(
          "servers update", 12, "UPDATE servers SET name = ?, description = ? WHERE id = ?");

  /** Last: the server's deletion is its last event. Parameters: server, when. */
  static final Statement DELETE_SERVER =
      Statement.of(
          "servers delete",
          95,
          "WITH fact (server_id, at) AS (VALUES (?::uuid, ?::timestamptz)),"
              + " members AS (DELETE FROM server_members m USING fact f"
              + " WHERE m.server_id = f.server_id),"
              + " invites AS (DELETE FROM invite_codes i USING fact f"
              + " WHERE i.server_id = f.server_id),"
              + " bans AS (DELETE FROM server_bans b USING fact f WHERE b.server_id = f.server_id)"
              + " UPDATE servers s SET deleted_at = f.at, database_state = '"
              + DROPPED
              + "', member_count = 0 FROM fact f WHERE s.id = f.server_id");

  private final DatabaseNames names;
  private final ServerCredentials credentials;

  /**
   * @param names the names of the server databases
   * @param credentials seals each server role's password into its row
   */
  public ServersProjection(DatabaseNames names, ServerCredentials credentials) {
    this.names = names;
    this.credentials = credentials;
  }

  /**
   * The placement a created server's row records: its database on the cluster the event names, its
   * own role, the role's password sealed for this row (anew at each call: two seals differ).
   */
  public ServerPlacement placementOf(ServerCreated created) {
    return placement(created.serverId(), created.cluster(), names.server(created.serverId()));
  }

  /** The placement of a server's database on {@code cluster}, its credentials sealed anew. */
  public ServerPlacement placement(ServerId server, String cluster, String database) {
    var role = ServerCredentials.roleName(database);
    var boundTo = ServerCredentials.boundTo(server, cluster, database, role);
    return new ServerPlacement(
        server, cluster, database, role, credentials.seal(credentials.passwordOf(server), boundTo));
  }

  @Override
  public List<Write> project(Event event) {
    var at = event.occurredAt().atOffset(ZoneOffset.UTC);
    return switch (event.payload()) {
      case ServerCreated created -> {
        var placement = placementOf(created);
        yield List.of(
            INSERT_SERVER.with(
                created.serverId().value(),
                created.name(),
                created.ownerId().value(),
                placement.cluster(),
                placement.database(),
                placement.role(),
                placement.sealedCredentials(),
                at));
      }
      case ServerUpdated updated ->
          List.of(
              UPDATE_SERVER.with(
                  updated.name(), SqlNull.text(updated.description()), updated.serverId().value()));
      case ServerDeleted deleted -> List.of(DELETE_SERVER.with(deleted.serverId().value(), at));
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
      case RoleCreated ignored -> List.of();
      case RoleUpdated ignored -> List.of();
      case RoleDeleted ignored -> List.of();
      case MemberRoleAdded ignored -> List.of();
      case MemberRoleRemoved ignored -> List.of();
      case ChannelOverwriteSet ignored -> List.of();
      case ChannelOverwriteRemoved ignored -> List.of();
      case MessageEdited ignored -> List.of();
      case MessageDeleted ignored -> List.of();
      case MembersMentioned ignored -> List.of();
      case MemberKicked ignored -> List.of();
      case ChannelRead ignored -> List.of();
      case InviteSent ignored -> List.of();
      case UserEvent ignored -> List.of();
      case DmEvent ignored -> List.of();
    };
  }
}
