package io.ohkay.projector.message;

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
 * Writes {@code messages} of a server's own database; a message's {@code seq} is its event's seq,
 * the server's gap-free position that clients page and resume with.
 */
public final class MessagesProjection implements Projection {

  static final Statement INSERT_MESSAGE =
      Statement.of(
          "messages",
          20,
          "INSERT INTO messages (id, channel_id, author_id, content, created_at, seq)"
              + " VALUES (?, ?, ?, ?, ?, ?)");

  @Override
  public List<Write> project(Event event) {
    return switch (event.payload()) {
      case MessagePosted posted ->
          List.of(
              INSERT_MESSAGE.with(
                  posted.messageId().value(),
                  posted.channelId().value(),
                  posted.authorId().value(),
                  posted.content(),
                  event.occurredAt().atOffset(ZoneOffset.UTC),
                  event.seq()));
      case ServerCreated ignored -> List.of();
      case MemberJoined ignored -> List.of();
      case ChannelCreated ignored -> List.of();
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
