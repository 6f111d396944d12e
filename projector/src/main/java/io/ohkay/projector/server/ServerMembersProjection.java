package io.ohkay.projector.server;

import io.ohkay.projector.projection.Projection;
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
 * Writes {@code server_members} of the registry, a row per current member since they joined, and
 * their count in {@code servers.member_count}.
 */
public final class ServerMembersProjection implements Projection {

  /**
   * Joins and leaves are one statement, whose rows run in event order within a batch: a batch
   * holding join, leave and join of one user ends with the last join (an insert and a delete
   * statement would run in statement order, every insert before every delete). Also counts the
   * server's members ({@code servers.member_count}) by the rows it really inserts and deletes.
   * Parameters: server, user, when, whether the user is a member from then on.
   */
  static final Statement MEMBERSHIP =
      Statement.of(
          "server_members",
          20,
          "WITH fact (server_id, user_id, joined_at, member)"
              + " AS (VALUES (?::uuid, ?::uuid, ?::timestamptz, ?::boolean)),"
              + " gone AS (DELETE FROM server_members m USING fact f"
              + " WHERE NOT f.member AND m.server_id = f.server_id AND m.user_id = f.user_id"
              + " RETURNING m.user_id),"
              + " joined AS (INSERT INTO server_members (server_id, user_id, joined_at)"
              + " SELECT server_id, user_id, joined_at FROM fact WHERE member RETURNING user_id)"
              + " UPDATE servers s SET member_count = s.member_count"
              + " + (SELECT count(*) FROM joined) - (SELECT count(*) FROM gone)"
              + " FROM fact f WHERE s.id = f.server_id");

  @Override
  public List<Write> project(Event event) {
    var at = event.occurredAt().atOffset(ZoneOffset.UTC);
    return switch (event.payload()) {
      case MemberJoined joined ->
          List.of(MEMBERSHIP.with(joined.serverId().value(), joined.userId().value(), at, true));
      case MemberLeft left ->
          List.of(MEMBERSHIP.with(left.serverId().value(), left.userId().value(), at, false));
      case ServerCreated ignored -> List.of();
      case ChannelCreated ignored -> List.of();
      case MessagePosted ignored -> List.of();
      case InviteCreated ignored -> List.of();
      case InviteAccepted ignored -> List.of();
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
