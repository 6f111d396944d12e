package io.ohkay.projector.message;

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
 * Writes {@code messages} of a server's own database; a message's {@code seq} is its event's seq,
 * the server's gap-free position that clients page and resume with. Edits replace the content; a
 * deletion is soft: the row keeps its place in history, its content becomes null. (System messages
 * are written with the channels, see the channel projection.)
 */
public final class MessagesProjection implements Projection {

  static final Statement INSERT_MESSAGE =
      Statement.of(
          "messages",
          20,
          "INSERT INTO messages (id, channel_id, author_id, content, created_at, seq)"
              + " VALUES (?, ?, ?, ?, ?, ?)");

  /** After the inserts: a message is posted before it is edited. */
  static final Statement EDIT_MESSAGE =
      Statement.of(
          "messages edit", 30, "UPDATE messages SET content = ?, edited_at = ? WHERE id = ?");

  /** After the edits: a message is never edited once deleted. */
  static final Statement DELETE_MESSAGE =
      Statement.of(
          "messages delete", 32, "UPDATE messages SET content = NULL, deleted_at = ? WHERE id = ?");

  @Override
  public List<Write> project(Event event) {
    var at = event.occurredAt().atOffset(ZoneOffset.UTC);
    return switch (event.payload()) {
      case MessagePosted posted ->
          List.of(
              INSERT_MESSAGE.with(
                  posted.messageId().value(),
                  posted.channelId().value(),
                  posted.authorId().value(),
                  posted.content(),
                  at,
                  event.seq()));
      case MessageEdited edited ->
          List.of(EDIT_MESSAGE.with(edited.content(), at, edited.messageId().value()));
      case MessageDeleted deleted -> List.of(DELETE_MESSAGE.with(at, deleted.messageId().value()));
      case ServerCreated ignored -> List.of();
      case ChannelCreated ignored -> List.of();
      case MemberJoined ignored -> List.of();
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
      case MembersMentioned ignored -> List.of();
      case MemberKicked ignored -> List.of();
      case ChannelRead ignored -> List.of();
      case InviteSent ignored -> List.of();
      case UserEvent ignored -> List.of();
      case DmEvent ignored -> List.of();
    };
  }
}
