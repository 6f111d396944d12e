package io.ohkay.projector;

import io.ohkay.schemas.event.ChannelCreated;
import io.ohkay.schemas.event.Event;
import io.ohkay.schemas.event.EventPayload;
import io.ohkay.schemas.event.MemberJoined;
import io.ohkay.schemas.event.MessagePosted;
import io.ohkay.schemas.event.ServerCreated;
import io.ohkay.schemas.event.UserRegistered;
import io.ohkay.schemas.id.ChannelId;
import io.ohkay.schemas.id.CommandId;
import io.ohkay.schemas.id.MessageId;
import io.ohkay.schemas.id.ServerId;
import io.ohkay.schemas.id.UserId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Builds events as the decider would: one command each, seq given by the caller. */
public final class TestEvents {

  /** The instant every event of these tests happened at, unless told otherwise. */
  public static final Instant AT = Instant.parse("2026-03-01T10:15:30Z");

  private TestEvents() {}

  public static Event event(UUID aggregate, long seq, Instant at, EventPayload payload) {
    return Event.decided(new CommandId(UUID.randomUUID()), 0, aggregate, seq, at, null, payload);
  }

  public static Event userRegistered(UserId user, String email, String displayName) {
    return event(
        user.value(),
        1,
        AT,
        new UserRegistered(
            user, email, "$argon2id$v=19$m=65536,t=3,p=4$c2FsdA$aGFzaA", displayName));
  }

  public static Event serverCreated(ServerId server, String name, UserId owner) {
    return event(server.value(), 1, AT, new ServerCreated(server, name, owner));
  }

  public static Event memberJoined(ServerId server, long seq, UserId user) {
    return event(server.value(), seq, AT, new MemberJoined(server, user));
  }

  public static Event channelCreated(
      ServerId server, long seq, ChannelId channel, String name, int position) {
    return event(server.value(), seq, AT, new ChannelCreated(server, channel, name, position));
  }

  public static Event messagePosted(
      ServerId server, long seq, ChannelId channel, UserId author, String content, Instant at) {
    return event(
        server.value(),
        seq,
        at,
        new MessagePosted(server, channel, new MessageId(UUID.randomUUID()), author, content));
  }

  /**
   * A server's history: created by its owner (seq 1), the owner joins (2), one channel (3), then
   * {@code messages} messages (seq 4 onwards), one second apart.
   */
  public static ServerHistory server(int messages) {
    var server = new ServerId(UUID.randomUUID());
    var owner = new UserId(UUID.randomUUID());
    var channel = new ChannelId(UUID.randomUUID());
    var events = new ArrayList<Event>();
    events.add(serverCreated(server, "server " + server, owner));
    events.add(memberJoined(server, 2, owner));
    events.add(channelCreated(server, 3, channel, "general", 0));
    for (int i = 0; i < messages; i++) {
      events.add(messagePosted(server, 4 + i, channel, owner, "message " + i, AT.plusSeconds(i)));
    }
    return new ServerHistory(server, owner, channel, List.copyOf(events));
  }

  /**
   * The events of one server.
   *
   * @param server its id
   * @param owner its owner, also its only member
   * @param channel its one channel
   * @param events all its events, seq 1 onwards
   */
  public record ServerHistory(
      ServerId server, UserId owner, ChannelId channel, List<Event> events) {

    /** The last seq of the history. */
    public long lastSeq() {
      return events.getLast().seq();
    }
  }
}
