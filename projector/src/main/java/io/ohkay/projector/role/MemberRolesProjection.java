package io.ohkay.projector.role;

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
import java.util.List;

/**
 * Writes {@code member_roles} of a server's own database: which member holds which role. A member
 * who leaves loses every role; a deleted role's assignments go with it (foreign key cascade).
 */
public final class MemberRolesProjection implements Projection {

  /**
   * Assignments, unassignments and leaves are one statement, whose rows run in event order within a
   * batch: add, leave, rejoin and add again ends assigned. After the role inserts (10), before the
   * role deletes (90). Parameters: op (ADD, REMOVE or CLEAR: every role of the member), member,
   * role.
   */
  static final Statement ASSIGNMENT =
      Statement.of(
          "member_roles",
          22,
          "WITH fact (op, user_id, role_id) AS (VALUES (?::text, ?::uuid, ?::uuid)),"
              + " gone AS (DELETE FROM member_roles m USING fact f WHERE m.user_id = f.user_id"
              + " AND (f.op = 'CLEAR' OR (f.op = 'REMOVE' AND m.role_id = f.role_id)))"
              + " INSERT INTO member_roles (user_id, role_id)"
              + " SELECT user_id, role_id FROM fact WHERE op = 'ADD' ON CONFLICT DO NOTHING");

  @Override
  public List<Write> project(Event event) {
    return switch (event.payload()) {
      case MemberRoleAdded added ->
          List.of(ASSIGNMENT.with("ADD", added.userId().value(), added.roleId().value()));
      case MemberRoleRemoved removed ->
          List.of(ASSIGNMENT.with("REMOVE", removed.userId().value(), removed.roleId().value()));
      case MemberLeft left ->
          List.of(ASSIGNMENT.with("CLEAR", left.userId().value(), SqlNull.UUID));
      case ServerCreated ignored -> List.of();
      case ChannelCreated ignored -> List.of();
      case MemberJoined ignored -> List.of();
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
