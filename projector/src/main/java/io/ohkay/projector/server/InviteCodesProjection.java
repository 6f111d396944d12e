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

/** Writes {@code invite_codes} of the registry: each code of a server and how often it was used. */
public final class InviteCodesProjection implements Projection {

  static final Statement INSERT_INVITE =
      Statement.of(
          "invite_codes",
          50,
          "INSERT INTO invite_codes"
              + " (code, server_id, created_by, created_at, expires_at, max_uses)"
              + " VALUES (?, ?, ?, ?, ?, ?)");

  /** After every insert of the batch: a code is always created before it is accepted. */
  static final Statement COUNT_USE =
      Statement.of(
          "invite_codes use",
          60,
          "UPDATE invite_codes SET uses = uses + 1 WHERE code = ? AND server_id = ?");

  @Override
  public List<Write> project(Event event) {
    return switch (event.payload()) {
      case InviteCreated created ->
          List.of(
              INSERT_INVITE.with(
                  created.code(),
                  created.serverId().value(),
                  created.createdBy().value(),
                  event.occurredAt().atOffset(ZoneOffset.UTC),
                  SqlNull.timestamptz(created.expiresAt()),
                  SqlNull.integer(created.maxUses())));
      case InviteAccepted accepted ->
          List.of(COUNT_USE.with(accepted.code(), accepted.serverId().value()));
      case ServerCreated ignored -> List.of();
      case MemberJoined ignored -> List.of();
      case MemberLeft ignored -> List.of();
      case MemberBanned ignored -> List.of();
      case MemberUnbanned ignored -> List.of();
      case ChannelCreated ignored -> List.of();
      case MessagePosted ignored -> List.of();
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
