package io.ohkay.projector.read;

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
 * Writes {@code read_states} of a server's own database: up to which seq each member has read each
 * channel. A read never moves back; a deleted channel's read states go with it (foreign key
 * cascade).
 */
public final class ReadStatesProjection implements Projection {

  /** One row per member and channel in a batch, the last read: a multi-row upsert. */
  static final Statement READ =
      new Statement(
          "read_states",
          50,
          "INSERT INTO read_states (user_id, channel_id, last_read_seq, updated_at)"
              + " VALUES (?, ?, ?, ?) ON CONFLICT (user_id, channel_id) DO UPDATE"
              + " SET last_read_seq = EXCLUDED.last_read_seq, updated_at = EXCLUDED.updated_at"
              + " WHERE read_states.last_read_seq < EXCLUDED.last_read_seq",
          Statement.Merge.LAST_PER_PAIR);

  @Override
  public List<Write> project(Event event) {
    return switch (event.payload()) {
      case ChannelRead read ->
          List.of(
              READ.with(
                  read.userId().value(),
                  read.channelId().value(),
                  event.seq(),
                  event.occurredAt().atOffset(ZoneOffset.UTC)));
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
      case InviteSent ignored -> List.of();
      case UserEvent ignored -> List.of();
      case DmEvent ignored -> List.of();
    };
  }
}
