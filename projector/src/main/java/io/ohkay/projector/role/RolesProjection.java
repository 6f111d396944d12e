package io.ohkay.projector.role;

import io.ohkay.projector.projection.Projection;
import io.ohkay.projector.projection.Statement;
import io.ohkay.projector.projection.TextArray;
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
 * Writes {@code roles} of a server's own database: created first in a batch (order 10), updated
 * next (12), deleted last (90), after the assignments and overwrites that name them; a deletion
 * cascades to {@code member_roles}.
 */
public final class RolesProjection implements Projection {

  static final Statement INSERT_ROLE =
      Statement.of(
          "roles",
          10,
          "INSERT INTO roles (id, name, permissions, created_at) VALUES (?, ?, ?::text[], ?)");

  static final Statement UPDATE_ROLE =
      Statement.of(
          "roles update", 12, "UPDATE roles SET name = ?, permissions = ?::text[] WHERE id = ?");

  static final Statement DELETE_ROLE =
      Statement.of("roles delete", 90, "DELETE FROM roles WHERE id = ?");

  @Override
  public List<Write> project(Event event) {
    return switch (event.payload()) {
      case RoleCreated created ->
          List.of(
              INSERT_ROLE.with(
                  created.roleId().value(),
                  created.name(),
                  TextArray.ofNames(created.permissions()),
                  event.occurredAt().atOffset(ZoneOffset.UTC)));
      case RoleUpdated updated ->
          List.of(
              UPDATE_ROLE.with(
                  updated.name(),
                  TextArray.ofNames(updated.permissions()),
                  updated.roleId().value()));
      case RoleDeleted deleted -> List.of(DELETE_ROLE.with(deleted.roleId().value()));
      case ServerCreated ignored -> List.of();
      case ChannelCreated ignored -> List.of();
      case MemberJoined ignored -> List.of();
      case MessagePosted ignored -> List.of();
      case InviteCreated ignored -> List.of();
      case InviteAccepted ignored -> List.of();
      case MemberLeft ignored -> List.of();
      case MemberBanned ignored -> List.of();
      case MemberUnbanned ignored -> List.of();
      case ChannelRenamed ignored -> List.of();
      case ChannelMoved ignored -> List.of();
      case ChannelDeleted ignored -> List.of();
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
