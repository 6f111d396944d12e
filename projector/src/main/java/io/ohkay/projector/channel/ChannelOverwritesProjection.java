package io.ohkay.projector.channel;

import io.ohkay.projector.projection.Projection;
import io.ohkay.projector.projection.SqlNull;
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
import io.ohkay.schemas.permission.OverwriteTarget;
import java.util.List;
import java.util.UUID;

/**
 * Writes {@code channel_overwrites} of a server's own database. A member who leaves loses their
 * overwrites, a deleted role its overwrites; a deleted channel's go with it (foreign key cascade).
 */
public final class ChannelOverwritesProjection implements Projection {

  private static final String[] NONE = new String[0];

  /**
   * Sets, removals and clears are one statement, whose rows run in event order within a batch.
   * Parameters: op (SET, REMOVE, or CLEAR: every overwrite of the target in any channel), channel,
   * target type, target, allow, deny.
   */
  static final Statement OVERWRITE =
      Statement.of(
          "channel_overwrites",
          40,
          "WITH fact (op, channel_id, target_type, target_id, allow, deny)"
              + " AS (VALUES (?::text, ?::uuid, ?::text, ?::uuid, ?::text[], ?::text[])),"
              + " gone AS (DELETE FROM channel_overwrites o USING fact f"
              + " WHERE o.target_id = f.target_id AND ((f.op = 'REMOVE' AND o.channel_id ="
              + " f.channel_id) OR (f.op = 'CLEAR' AND o.target_type = f.target_type)))"
              + " INSERT INTO channel_overwrites (channel_id, target_type, target_id, allow, deny)"
              + " SELECT channel_id, target_type, target_id, allow, deny FROM fact WHERE op = 'SET'"
              + " ON CONFLICT (channel_id, target_id) DO UPDATE SET"
              + " target_type = EXCLUDED.target_type, allow = EXCLUDED.allow, deny = EXCLUDED.deny");

  @Override
  public List<Write> project(Event event) {
    return switch (event.payload()) {
      case ChannelOverwriteSet set ->
          List.of(
              OVERWRITE.with(
                  "SET",
                  set.channelId().value(),
                  set.targetType().name(),
                  set.targetId(),
                  TextArray.ofNames(set.allow()),
                  TextArray.ofNames(set.deny())));
      case ChannelOverwriteRemoved removed ->
          List.of(
              OVERWRITE.with(
                  "REMOVE",
                  removed.channelId().value(),
                  SqlNull.TEXT,
                  removed.targetId(),
                  NONE,
                  NONE));
      case MemberLeft left -> List.of(clear(OverwriteTarget.MEMBER, left.userId().value()));
      case RoleDeleted deleted -> List.of(clear(OverwriteTarget.ROLE, deleted.roleId().value()));
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
      case MemberRoleAdded ignored -> List.of();
      case MemberRoleRemoved ignored -> List.of();
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

  private static Write clear(OverwriteTarget type, UUID target) {
    return OVERWRITE.with("CLEAR", SqlNull.UUID, type.name(), target, NONE, NONE);
  }
}
