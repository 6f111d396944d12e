package io.ohkay.projector.server;

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
import java.time.ZoneOffset;
import java.util.List;

/**
 * Writes {@code server_bans} of the registry: a row per banned user, with the last ban's reason.
 */
public final class ServerBansProjection implements Projection {

  /**
   * Bans and unbans are one statement, whose rows run in event order within a batch, so ban, unban,
   * ban of one user in one batch ends banned (an upsert and a delete statement would run in
   * statement order). Parameters: server, user, reason, when, whether banned from then on.
   */
  static final Statement BAN =
      Statement.of(
          "server_bans",
          40,
          "WITH fact (server_id, user_id, reason, banned_at, banned)"
              + " AS (VALUES (?::uuid, ?::uuid, ?::text, ?::timestamptz, ?::boolean)),"
              + " lifted AS (DELETE FROM server_bans b USING fact f"
              + " WHERE NOT f.banned AND b.server_id = f.server_id AND b.user_id = f.user_id)"
              + " INSERT INTO server_bans (server_id, user_id, reason, banned_at)"
              + " SELECT server_id, user_id, reason, banned_at FROM fact WHERE banned"
              + " ON CONFLICT (server_id, user_id)"
              + " DO UPDATE SET reason = EXCLUDED.reason, banned_at = EXCLUDED.banned_at");

  @Override
  public List<Write> project(Event event) {
    var at = event.occurredAt().atOffset(ZoneOffset.UTC);
    return switch (event.payload()) {
      case MemberBanned banned ->
          List.of(
              BAN.with(
                  banned.serverId().value(),
                  banned.userId().value(),
                  SqlNull.text(banned.reason()),
                  at,
                  true));
      case MemberUnbanned unbanned ->
          List.of(
              BAN.with(
                  unbanned.serverId().value(), unbanned.userId().value(), SqlNull.TEXT, at, false));
      case ServerCreated ignored -> List.of();
      case MemberJoined ignored -> List.of();
      case MemberLeft ignored -> List.of();
      case ChannelCreated ignored -> List.of();
      case MessagePosted ignored -> List.of();
      case InviteCreated ignored -> List.of();
      case InviteAccepted ignored -> List.of();
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
      case ServerUpdated ignored -> List.of();
      case ServerDeleted ignored -> List.of();
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
