package io.ohkay.projector.channel;

import io.ohkay.projector.projection.Projection;
import io.ohkay.projector.projection.Statement;
import io.ohkay.projector.projection.Write;
import io.ohkay.schemas.event.ChannelCreated;
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

/** Writes {@code channels} of a server's own database. */
public final class ChannelsProjection implements Projection {

  static final Statement INSERT_CHANNEL =
      Statement.of(
          "channels",
          10,
          "INSERT INTO channels (id, name, position, created_at) VALUES (?, ?, ?, ?)");

  @Override
  public List<Write> project(Event event) {
    return switch (event.payload()) {
      case ChannelCreated created ->
          List.of(
              INSERT_CHANNEL.with(
                  created.channelId().value(),
                  created.name(),
                  created.position(),
                  event.occurredAt().atOffset(ZoneOffset.UTC)));
      case ServerCreated ignored -> List.of();
      case MemberJoined ignored -> List.of();
      case MessagePosted ignored -> List.of();
      case InviteCreated ignored -> List.of();
      case InviteAccepted ignored -> List.of();
      case MemberLeft ignored -> List.of();
      case MemberBanned ignored -> List.of();
      case MemberUnbanned ignored -> List.of();
      case UserEvent ignored -> List.of();
    };
  }
}
