package io.ohkay.projector;

import io.ohkay.schemas.event.ChannelCreated;
import io.ohkay.schemas.event.ChannelDeleted;
import io.ohkay.schemas.event.ChannelMoved;
import io.ohkay.schemas.event.ChannelRenamed;
import io.ohkay.schemas.event.Event;
import io.ohkay.schemas.event.EventPayload;
import io.ohkay.schemas.event.InviteAccepted;
import io.ohkay.schemas.event.InviteCreated;
import io.ohkay.schemas.event.MemberBanned;
import io.ohkay.schemas.event.MemberJoined;
import io.ohkay.schemas.event.MemberLeft;
import io.ohkay.schemas.event.MemberUnbanned;
import io.ohkay.schemas.event.MessagePosted;
import io.ohkay.schemas.event.ProfileUpdated;
import io.ohkay.schemas.event.ServerCreated;
import io.ohkay.schemas.event.SessionRefreshed;
import io.ohkay.schemas.event.SessionRevoked;
import io.ohkay.schemas.event.SessionStarted;
import io.ohkay.schemas.event.SigninFailed;
import io.ohkay.schemas.event.UserDeleted;
import io.ohkay.schemas.event.UserEvent;
import io.ohkay.schemas.event.UserRegistered;
import io.ohkay.schemas.id.ChannelId;
import io.ohkay.schemas.id.CommandId;
import io.ohkay.schemas.id.MessageId;
import io.ohkay.schemas.id.ServerId;
import io.ohkay.schemas.id.SessionId;
import io.ohkay.schemas.id.UserId;
import io.ohkay.schemas.placement.ServerCredentials;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Builds events as the decider would: one command each, seq given by the caller. */
public final class TestEvents {

  /** The instant every event of these tests happened at, unless told otherwise. */
  public static final Instant AT = Instant.parse("2026-03-01T10:15:30Z");

  /** When the sessions of these tests expire (plus the generation in seconds once refreshed). */
  public static final Instant EXPIRY = Instant.parse("2026-03-31T10:15:30Z");

  /** Credentials under a fixed master key, for tests that seal without a key file. */
  public static final ServerCredentials CREDENTIALS = ServerCredentials.of(new byte[32]);

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
    return serverCreated(server, name, owner, ServerCreated.DEFAULT_CLUSTER);
  }

  public static Event serverCreated(ServerId server, String name, UserId owner, String cluster) {
    return event(server.value(), 1, AT, new ServerCreated(server, name, owner, cluster));
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
    return server(messages, ServerCreated.DEFAULT_CLUSTER);
  }

  /** As {@link #server(int)}, the server placed on {@code cluster}. */
  public static ServerHistory server(int messages, String cluster) {
    var server = new ServerId(UUID.randomUUID());
    var owner = new UserId(UUID.randomUUID());
    var channel = new ChannelId(UUID.randomUUID());
    var events = new ArrayList<Event>();
    events.add(serverCreated(server, "server " + server, owner, cluster));
    events.add(memberJoined(server, 2, owner));
    events.add(channelCreated(server, 3, channel, "general", 0));
    for (int i = 0; i < messages; i++) {
      events.add(messagePosted(server, 4 + i, channel, owner, "message " + i, AT.plusSeconds(i)));
    }
    return new ServerHistory(server, owner, channel, List.copyOf(events));
  }

  /**
   * A server's membership life after {@link #server(int) server(0)} (seq 1 to 3, at {@link #AT}),
   * each later event at {@link #AT} plus its seq in seconds: the owner creates an invite (4,
   * expiring, at most 10 uses) and an unlimited one (5); Ann accepts (6, 7) and Ben accepts (8, 9);
   * Ann leaves (10); Ben is banned for spam (11) and so leaves (12), is unbanned (13), accepts the
   * invite again and rejoins (14, 15); Cat, never a member, is banned without a reason (16).
   */
  public static MembershipLife membershipLife() {
    var history = server(0);
    var server = history.server();
    var ann = new UserId(UUID.randomUUID());
    var ben = new UserId(UUID.randomUUID());
    var cat = new UserId(UUID.randomUUID());
    var code = "c" + UUID.randomUUID().toString().substring(0, 8);
    var unlimited = code + "u";
    var payloads =
        List.<EventPayload>of(
            new InviteCreated(server, code, history.owner(), EXPIRY, 10),
            new InviteCreated(server, unlimited, history.owner(), null, null),
            new InviteAccepted(server, code, ann),
            new MemberJoined(server, ann),
            new InviteAccepted(server, code, ben),
            new MemberJoined(server, ben),
            new MemberLeft(server, ann, MemberLeft.Reason.LEFT),
            new MemberBanned(server, ben, "spam"),
            new MemberLeft(server, ben, MemberLeft.Reason.BANNED),
            new MemberUnbanned(server, ben),
            new InviteAccepted(server, code, ben),
            new MemberJoined(server, ben),
            new MemberBanned(server, cat, null));
    var events = new ArrayList<>(history.events());
    for (var payload : payloads) {
      var seq = events.size() + 1L;
      events.add(event(server.value(), seq, AT.plusSeconds(seq), payload));
    }
    return new MembershipLife(history, ann, ben, cat, code, unlimited, List.copyOf(events));
  }

  /**
   * A server's channels reshaped after {@link #server(int) server(2)} (seq 1 to 5, two messages in
   * "general"), each later event at {@link #AT} plus its seq in seconds: channels "random" (6,
   * position 1) and "archive" (7, position 2) are created; two messages go to "random" (8, 9);
   * "general" is renamed "lobby" (10); "archive" moves to 0, "lobby" to 1, "random" to 2 (11 to
   * 13); "random" is deleted with its messages (14); one more message goes to "lobby" (15).
   */
  public static ChannelLife channelLife() {
    var history = server(2);
    var server = history.server();
    var owner = history.owner();
    var general = history.channel();
    var random = new ChannelId(UUID.randomUUID());
    var archive = new ChannelId(UUID.randomUUID());
    var events = new ArrayList<>(history.events());
    events.add(event(server.value(), 6, AT.plusSeconds(6), created(server, random, "random", 1)));
    events.add(event(server.value(), 7, AT.plusSeconds(7), created(server, archive, "archive", 2)));
    events.add(messagePosted(server, 8, random, owner, "in random", AT.plusSeconds(8)));
    events.add(messagePosted(server, 9, random, owner, "in random too", AT.plusSeconds(9)));
    var payloads =
        List.<EventPayload>of(
            new ChannelRenamed(server, general, "lobby"),
            new ChannelMoved(server, archive, 0),
            new ChannelMoved(server, general, 1),
            new ChannelMoved(server, random, 2),
            new ChannelDeleted(server, random));
    for (var payload : payloads) {
      var seq = events.size() + 1L;
      events.add(event(server.value(), seq, AT.plusSeconds(seq), payload));
    }
    events.add(messagePosted(server, 15, general, owner, "after", AT.plusSeconds(15)));
    return new ChannelLife(history, random, archive, List.copyOf(events));
  }

  private static ChannelCreated created(ServerId server, ChannelId channel, String name, int at) {
    return new ChannelCreated(server, channel, name, at);
  }

  /** An account's events as its decider would number them: seq 1 onwards, one second apart. */
  public static Account account(UserId user) {
    return new Account(user);
  }

  /** Numbers the events of one account in the order they are asked for. */
  public static final class Account {
    private final UserId user;
    private long seq;

    private Account(UserId user) {
      this.user = user;
    }

    public UserId user() {
      return user;
    }

    /** The account's next event, at {@link #AT} plus its seq in seconds. */
    public Event next(UserEvent payload) {
      seq++;
      return event(user.value(), seq, AT.plusSeconds(seq), payload);
    }

    /** The seq of the last event made. */
    public long lastSeq() {
      return seq;
    }
  }

  /**
   * Three accounts, interleaved as their deciders would publish them: Ada signs in twice,
   * refreshes, fails a sign-in, edits her profile and signs out of one session; Bob does much the
   * same, one of his sessions is revoked for refresh-token reuse, then he deletes his account (seq
   * 9) while his other session is open; Carol then registers with Bob's released e-mail.
   */
  public static AccountLives accountLives() {
    var ada = account(new UserId(UUID.randomUUID()));
    var bob = account(new UserId(UUID.randomUUID()));
    var carol = account(new UserId(UUID.randomUUID()));
    var bobEmail = "bob-" + bob.user() + "@example.com";
    var events = new ArrayList<Event>();
    events.addAll(startLife(ada, ada.user() + "@example.com", "Ada"));
    events.addAll(startLife(bob, bobEmail, "Bob"));
    var adaOther = new SessionId(UUID.randomUUID());
    var bobReused = new SessionId(UUID.randomUUID());
    var a = ada.user();
    var b = bob.user();
    events.add(
        ada.next(new SessionRefreshed(a, firstSession(events, a), 1, EXPIRY.plusSeconds(1))));
    events.add(ada.next(new SigninFailed(a, "203.0.113.9", "curl/8.5")));
    events.add(ada.next(new ProfileUpdated(a, "Ada L.", "https://img.example/ada.png", "engines")));
    events.add(ada.next(new SessionStarted(a, adaOther, EXPIRY, null, null)));
    events.add(bob.next(new SessionStarted(b, bobReused, EXPIRY, null, "Safari")));
    events.add(
        bob.next(new SessionRefreshed(b, firstSession(events, b), 1, EXPIRY.plusSeconds(1))));
    events.add(
        bob.next(new SessionRevoked(b, bobReused, SessionRevoked.Reason.REFRESH_TOKEN_REUSED)));
    events.add(bob.next(new SigninFailed(b, null, null)));
    events.add(bob.next(new ProfileUpdated(b, "Bobby", null, "hi")));
    events.add(
        ada.next(new SessionRefreshed(a, firstSession(events, a), 2, EXPIRY.plusSeconds(2))));
    events.add(ada.next(new SessionRevoked(a, adaOther, SessionRevoked.Reason.SIGNED_OUT)));
    events.add(ada.next(new ProfileUpdated(a, "Ada", null, null)));
    events.add(
        bob.next(new SessionRefreshed(b, firstSession(events, b), 2, EXPIRY.plusSeconds(2))));
    events.add(bob.next(new UserDeleted(b)));
    events.addAll(startLife(carol, bobEmail, "Carol"));
    return new AccountLives(a, b, carol.user(), bobEmail, List.copyOf(events));
  }

  private static List<Event> startLife(Account account, String email, String name) {
    var registered =
        new UserRegistered(
            account.user(), email, "$argon2id$v=19$m=65536,t=3,p=4$c2FsdA$aGFzaA", name);
    var session =
        new SessionStarted(
            account.user(), new SessionId(UUID.randomUUID()), EXPIRY, "198.51.100.2", "Firefox");
    return List.of(account.next(registered), account.next(session));
  }

  private static SessionId firstSession(List<Event> events, UserId user) {
    for (var event : events) {
      if (event.payload() instanceof SessionStarted started && started.userId().equals(user)) {
        return started.sessionId();
      }
    }
    throw new IllegalStateException("no session of " + user);
  }

  /**
   * The events of {@link #accountLives()}.
   *
   * @param ada an account that lives on
   * @param bob the account deleted at its seq 9
   * @param carol the account registered with Bob's e-mail after his deletion
   * @param bobEmail the e-mail Bob registered and Carol then took
   * @param events every event, in publication order
   */
  public record AccountLives(
      UserId ada, UserId bob, UserId carol, String bobEmail, List<Event> events) {

    /** The last seq of one account. */
    public long lastSeq(UserId user) {
      return events.stream()
          .filter(e -> e.aggregateId().equals(user.value()))
          .mapToLong(Event::seq)
          .max()
          .orElseThrow();
    }
  }

  /**
   * The events of {@link #channelLife()}.
   *
   * @param history the server's creation, its owner and its first channel, renamed "lobby"
   * @param random the channel deleted at seq 14, with its two messages
   * @param archive the channel created last and moved first
   * @param events every event of the server, seq 1 onwards
   */
  public record ChannelLife(
      ServerHistory history, ChannelId random, ChannelId archive, List<Event> events) {

    public ServerId server() {
      return history.server();
    }

    /** The last seq of the life. */
    public long lastSeq() {
      return events.getLast().seq();
    }
  }

  /**
   * The events of {@link #membershipLife()}.
   *
   * @param history the server's creation, its owner and channel
   * @param ann a member who left
   * @param ben a member banned, unbanned and joined again at seq 15
   * @param cat a user banned without a reason
   * @param code the invite used three times
   * @param unlimited the invite never used, without expiry or use limit
   * @param events every event of the server, seq 1 onwards
   */
  public record MembershipLife(
      ServerHistory history,
      UserId ann,
      UserId ben,
      UserId cat,
      String code,
      String unlimited,
      List<Event> events) {

    public ServerId server() {
      return history.server();
    }

    /** The last seq of the life. */
    public long lastSeq() {
      return events.getLast().seq();
    }
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
