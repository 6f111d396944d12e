package io.ohkay.schemas;

import io.ohkay.schemas.command.AcceptInvite;
import io.ohkay.schemas.command.AssignRole;
import io.ohkay.schemas.command.BanMember;
import io.ohkay.schemas.command.BlockUser;
import io.ohkay.schemas.command.Command;
import io.ohkay.schemas.command.CreateChannel;
import io.ohkay.schemas.command.CreateInvite;
import io.ohkay.schemas.command.CreateRole;
import io.ohkay.schemas.command.CreateServer;
import io.ohkay.schemas.command.DeleteAccount;
import io.ohkay.schemas.command.DeleteChannel;
import io.ohkay.schemas.command.DeleteDirectMessage;
import io.ohkay.schemas.command.DeleteMessage;
import io.ohkay.schemas.command.DeleteRole;
import io.ohkay.schemas.command.DeleteServer;
import io.ohkay.schemas.command.EditMessage;
import io.ohkay.schemas.command.KickMember;
import io.ohkay.schemas.command.LeaveServer;
import io.ohkay.schemas.command.MarkChannelRead;
import io.ohkay.schemas.command.MarkConversationRead;
import io.ohkay.schemas.command.MarkNotificationsRead;
import io.ohkay.schemas.command.MoveChannel;
import io.ohkay.schemas.command.NewSession;
import io.ohkay.schemas.command.NoteMembership;
import io.ohkay.schemas.command.OpenAccount;
import io.ohkay.schemas.command.OpenConversation;
import io.ohkay.schemas.command.PostMessage;
import io.ohkay.schemas.command.RecordSigninFailure;
import io.ohkay.schemas.command.RefreshSession;
import io.ohkay.schemas.command.RegisterUser;
import io.ohkay.schemas.command.ReleaseEmail;
import io.ohkay.schemas.command.RemoveChannelOverwrite;
import io.ohkay.schemas.command.RemoveMember;
import io.ohkay.schemas.command.RenameChannel;
import io.ohkay.schemas.command.RevokeSession;
import io.ohkay.schemas.command.SendDirectMessage;
import io.ohkay.schemas.command.SetChannelOverwrite;
import io.ohkay.schemas.command.StartSession;
import io.ohkay.schemas.command.UnassignRole;
import io.ohkay.schemas.command.UnbanMember;
import io.ohkay.schemas.command.UnblockUser;
import io.ohkay.schemas.command.UpdateProfile;
import io.ohkay.schemas.command.UpdateRole;
import io.ohkay.schemas.command.UpdateServer;
import io.ohkay.schemas.error.ErrorCode;
import io.ohkay.schemas.event.ChannelCreated;
import io.ohkay.schemas.event.ChannelDeleted;
import io.ohkay.schemas.event.ChannelMoved;
import io.ohkay.schemas.event.ChannelOverwriteRemoved;
import io.ohkay.schemas.event.ChannelOverwriteSet;
import io.ohkay.schemas.event.ChannelRead;
import io.ohkay.schemas.event.ChannelRenamed;
import io.ohkay.schemas.event.ConversationOpened;
import io.ohkay.schemas.event.ConversationRead;
import io.ohkay.schemas.event.DirectMessageDeleted;
import io.ohkay.schemas.event.DirectMessageSent;
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
import io.ohkay.schemas.event.NotificationsRead;
import io.ohkay.schemas.event.ProfileUpdated;
import io.ohkay.schemas.event.RoleCreated;
import io.ohkay.schemas.event.RoleDeleted;
import io.ohkay.schemas.event.RoleUpdated;
import io.ohkay.schemas.event.ServerCreated;
import io.ohkay.schemas.event.ServerDeleted;
import io.ohkay.schemas.event.ServerEvent;
import io.ohkay.schemas.event.ServerUpdated;
import io.ohkay.schemas.event.SessionRefreshed;
import io.ohkay.schemas.event.SessionRevoked;
import io.ohkay.schemas.event.SessionStarted;
import io.ohkay.schemas.event.SigninFailed;
import io.ohkay.schemas.event.UserBlocked;
import io.ohkay.schemas.event.UserDeleted;
import io.ohkay.schemas.event.UserEvent;
import io.ohkay.schemas.event.UserRegistered;
import io.ohkay.schemas.event.UserUnblocked;
import io.ohkay.schemas.id.ChannelId;
import io.ohkay.schemas.id.CommandId;
import io.ohkay.schemas.id.ConversationId;
import io.ohkay.schemas.id.MessageId;
import io.ohkay.schemas.id.RoleId;
import io.ohkay.schemas.id.ServerId;
import io.ohkay.schemas.id.SessionId;
import io.ohkay.schemas.id.UserId;
import io.ohkay.schemas.outcome.CommandOutcome;
import io.ohkay.schemas.permission.OverwriteTarget;
import io.ohkay.schemas.permission.Permission;
import io.ohkay.schemas.signal.Presence;
import io.ohkay.schemas.signal.Signal;
import io.ohkay.schemas.signal.Typing;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The fixed instances behind the golden files: one per event type, command type and outcome status,
 * keyed by their file under {@code golden/}. Never change a value here to make a test pass: a
 * different serialized form is a different contract.
 */
final class GoldenInstances {

  static final UserId ALICE = UserId.parse("0190f5a2-7b1c-7d3e-8f40-1a2b3c4d5e01");
  static final ServerId SERVER = ServerId.parse("0190f5a2-7b1c-7d3e-8f40-1a2b3c4d5f01");
  static final ChannelId GENERAL = ChannelId.parse("0190f5a2-7b1c-7d3e-8f40-1a2b3c4d6001");
  static final MessageId MESSAGE = MessageId.parse("0190f5a2-7b1c-7d3e-8f40-1a2b3c4d6101");
  static final CommandId REGISTER = CommandId.parse("0190f5a2-7b1c-7d3e-8f40-00000000c001");
  static final CommandId CREATE = CommandId.parse("0190f5a2-7b1c-7d3e-8f40-00000000c002");
  static final CommandId POST = CommandId.parse("0190f5a2-7b1c-7d3e-8f40-00000000c003");
  static final CommandId POST_ELSEWHERE = CommandId.parse("0190f5a2-7b1c-7d3e-8f40-00000000c004");
  static final Instant REGISTERED_AT = Instant.parse("2026-01-15T09:30:00.123Z");
  static final Instant CREATED_AT = Instant.parse("2026-01-15T09:31:00Z");
  static final Instant POSTED_AT = Instant.parse("2026-01-15T09:32:10.456789Z");
  static final String EMAIL = "alice@example.com";
  static final String PASSWORD_HASH =
      "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$"
          + "aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g";
  static final SessionId SESSION = SessionId.parse("0190f5a2-7b1c-7d3e-8f40-1a2b3c4d6201");
  static final CommandId SIGN_IN = CommandId.parse("0190f5a2-7b1c-7d3e-8f40-00000000c005");
  static final Instant SIGNED_IN_AT = Instant.parse("2026-01-16T08:00:00Z");
  static final String IP = "203.0.113.7";
  static final String USER_AGENT = "Mozilla/5.0 (X11; Linux x86_64) Ohkay/1.0";
  static final UserId BOB = UserId.parse("0190f5a2-7b1c-7d3e-8f40-1a2b3c4d5e02");
  static final CommandId MODERATE = CommandId.parse("0190f5a2-7b1c-7d3e-8f40-00000000c006");
  static final Instant MODERATED_AT = Instant.parse("2026-01-17T10:00:00Z");
  static final String INVITE = "x7Kq2mPz";
  static final ChannelId RANDOM = ChannelId.parse("0190f5a2-7b1c-7d3e-8f40-1a2b3c4d6002");
  static final CommandId READ_NOTIFICATIONS =
      CommandId.parse("0190f5a2-7b1c-7d3e-8f40-00000000c008");
  static final java.util.UUID NOTIFICATION =
      java.util.UUID.fromString("0190f5a2-7b1c-7d3e-8f40-1a2b3c4d6401");
  static final CommandId GOVERN = CommandId.parse("0190f5a2-7b1c-7d3e-8f40-00000000c007");
  static final Instant GOVERNED_AT = Instant.parse("2026-01-18T11:00:00Z");
  static final RoleId MODERATORS = RoleId.parse("0190f5a2-7b1c-7d3e-8f40-1a2b3c4d6301");
  static final CommandId INVITE_BOB = CommandId.parse("0190f5a2-7b1c-7d3e-8f40-00000000c009");
  static final ConversationId CONVERSATION = ConversationId.between(ALICE, BOB);
  static final MessageId DIRECT_MESSAGE = MessageId.parse("0190f5a2-7b1c-7d3e-8f40-1a2b3c4d6401");
  static final CommandId WHISPER = CommandId.parse("0190f5a2-7b1c-7d3e-8f40-00000000c008");
  static final Instant WHISPERED_AT = Instant.parse("2026-01-19T12:00:00.5Z");
  static final String CONTENT = "Hello, \"world\" — ünïcødé ✓\nsecond line";

  private GoldenInstances() {}

  static Map<String, Event> events() {
    var events = new LinkedHashMap<String, Event>();
    put(events, userRegistered());
    serverCreation().forEach(event -> put(events, event));
    put(events, messagePosted());
    var serverSeq = 4;
    for (var payload : membershipLife()) {
      serverSeq++;
      put(
          events,
          Event.decided(
              MODERATE, serverSeq - 5, SERVER.value(), serverSeq, MODERATED_AT, ALICE, payload));
    }
    for (var payload : governance()) {
      serverSeq++;
      put(
          events,
          Event.decided(
              GOVERN, serverSeq - 13, SERVER.value(), serverSeq, GOVERNED_AT, ALICE, payload));
    }
    put(
        events,
        Event.decided(
            READ_NOTIFICATIONS,
            0,
            ALICE.value(),
            9,
            SIGNED_IN_AT.plusSeconds(60),
            ALICE,
            new NotificationsRead(ALICE, NOTIFICATION)));
    put(
        events,
        Event.decided(
            INVITE_BOB,
            1,
            SERVER.value(),
            serverSeq + 2,
            MODERATED_AT,
            ALICE,
            new InviteSent(SERVER, INVITE, ALICE, BOB)));
    var dmSeq = 0;
    for (var payload : conversationLife()) {
      dmSeq++;
      put(
          events,
          Event.decided(
              WHISPER, dmSeq - 1, CONVERSATION.value(), dmSeq, WHISPERED_AT, ALICE, payload));
    }
    var seq = 1;
    for (var payload : accountLife()) {
      put(
          events,
          Event.decided(SIGN_IN, seq - 1, ALICE.value(), ++seq, SIGNED_IN_AT, ALICE, payload));
    }
    return events;
  }

  static Map<String, Command> commands() {
    var commands = new LinkedHashMap<String, Command>();
    put(
        commands,
        new Command(
            REGISTER, null, REGISTERED_AT, new RegisterUser(ALICE, EMAIL, PASSWORD_HASH, "Alice")));
    var session = new NewSession(SESSION, IP, USER_AGENT);
    for (var payload :
        List.of(
            new ReleaseEmail(EMAIL, ALICE),
            new OpenAccount(ALICE, EMAIL, PASSWORD_HASH, "Alice", session),
            new StartSession(ALICE, session),
            new RefreshSession(ALICE, SESSION, 3),
            new RevokeSession(ALICE, SESSION),
            new RecordSigninFailure(ALICE, IP, USER_AGENT),
            new UpdateProfile(ALICE, "Alice L.", "https://example.com/alice.png", "Rustacean"),
            new DeleteAccount(ALICE),
            new NoteMembership(ALICE, SERVER, true),
            new MarkNotificationsRead(ALICE, NOTIFICATION))) {
      put(commands, new Command(SIGN_IN, ALICE, SIGNED_IN_AT, payload));
    }
    put(
        commands,
        new Command(
            CREATE, ALICE, CREATED_AT, new CreateServer(SERVER, "Rust fans", GENERAL, "main")));
    for (var payload :
        List.of(
            new CreateInvite(SERVER, INVITE, MODERATED_AT.plus(Duration.ofDays(7)), 10, BOB),
            new AcceptInvite(SERVER, INVITE),
            new LeaveServer(SERVER),
            new KickMember(SERVER, BOB, "off-topic"),
            new BanMember(SERVER, BOB, "spam"),
            new UnbanMember(SERVER, BOB),
            new RemoveMember(SERVER, BOB),
            new CreateChannel(SERVER, RANDOM, "random"),
            new RenameChannel(SERVER, GENERAL, "welcome"),
            new MoveChannel(SERVER, GENERAL, 1),
            new DeleteChannel(SERVER, GENERAL))) {
      put(commands, new Command(MODERATE, ALICE, MODERATED_AT, payload));
    }
    put(
        commands,
        new Command(POST, ALICE, POSTED_AT, new PostMessage(SERVER, GENERAL, MESSAGE, CONTENT)));
    for (var payload :
        List.of(
            new CreateRole(SERVER, MODERATORS, "Moderators", List.of(Permission.KICK_MEMBERS)),
            new UpdateRole(SERVER, MODERATORS, null, List.of(Permission.MANAGE_MESSAGES)),
            new DeleteRole(SERVER, MODERATORS),
            new AssignRole(SERVER, BOB, MODERATORS),
            new UnassignRole(SERVER, BOB, MODERATORS),
            new SetChannelOverwrite(
                SERVER,
                RANDOM,
                OverwriteTarget.ROLE,
                SERVER.value(),
                List.of(),
                List.of(Permission.VIEW_CHANNEL)),
            new RemoveChannelOverwrite(SERVER, RANDOM, SERVER.value()),
            new UpdateServer(SERVER, "Rustaceans", null),
            new DeleteServer(SERVER),
            new EditMessage(SERVER, GENERAL, MESSAGE, "Hello, edited"),
            new DeleteMessage(SERVER, GENERAL, MESSAGE),
            new MarkChannelRead(SERVER, GENERAL))) {
      put(commands, new Command(GOVERN, ALICE, GOVERNED_AT, payload));
    }
    for (var payload :
        List.of(
            new OpenConversation(CONVERSATION, BOB),
            new SendDirectMessage(CONVERSATION, DIRECT_MESSAGE, CONTENT, true),
            new DeleteDirectMessage(CONVERSATION, DIRECT_MESSAGE),
            new MarkConversationRead(CONVERSATION),
            new BlockUser(CONVERSATION, BOB),
            new UnblockUser(CONVERSATION, BOB))) {
      put(commands, new Command(WHISPER, ALICE, WHISPERED_AT, payload));
    }
    return commands;
  }

  static Map<String, CommandOutcome> outcomes() {
    return Map.of(
        "accepted",
        CommandOutcome.accepted(
            CREATE, SERVER.toString(), 3, serverCreation(), CREATED_AT.plusMillis(7)),
        "rejected",
        CommandOutcome.rejected(
            POST_ELSEWHERE,
            SERVER.toString(),
            4,
            ErrorCode.CHANNEL_NOT_FOUND,
            "No such channel.",
            POSTED_AT.plusSeconds(1)));
  }

  /**
   * The signals of {@code ohkay.ephemeral}, keyed by their file under {@code golden/signals/}: one
   * per type, typing once per place it can happen in.
   */
  static Map<String, Signal> signals() {
    var signals = new LinkedHashMap<String, Signal>();
    signals.put("presence.v1.json", new Presence(ALICE, "edge-1", true, WHISPERED_AT, true));
    signals.put("typing.v1.json", Typing.inChannel(ALICE, SERVER, GENERAL, WHISPERED_AT));
    signals.put("in-conversation/typing.v1.json", Typing.inConversation(BOB, ALICE, WHISPERED_AT));
    return signals;
  }

  /** Every fixed instance, keyed by its golden file relative to {@code golden/}. */
  static Map<String, Object> all() {
    var all = new LinkedHashMap<String, Object>();
    events().forEach((type, event) -> all.put("events/" + type + ".json", event));
    commands().forEach((type, command) -> all.put("commands/" + type + ".json", command));
    outcomes().forEach((status, outcome) -> all.put("outcomes/" + status + ".json", outcome));
    signals().forEach((file, signal) -> all.put("signals/" + file, signal));
    return all;
  }

  private static Event userRegistered() {
    return Event.decided(
        REGISTER,
        0,
        ALICE.value(),
        1,
        REGISTERED_AT,
        null,
        new UserRegistered(ALICE, EMAIL, PASSWORD_HASH, "Alice"));
  }

  /** One of each membership fact, in the order a server lives them. */
  private static List<ServerEvent> membershipLife() {
    return List.of(
        new InviteCreated(SERVER, INVITE, ALICE, MODERATED_AT.plus(Duration.ofDays(7)), 10),
        new InviteAccepted(SERVER, INVITE, BOB),
        new MemberBanned(SERVER, BOB, "spam"),
        new MemberLeft(SERVER, BOB, MemberLeft.Reason.BANNED),
        new MemberUnbanned(SERVER, BOB),
        new ChannelRenamed(SERVER, GENERAL, "welcome"),
        new ChannelMoved(SERVER, GENERAL, 1),
        new ChannelDeleted(SERVER, GENERAL));
  }

  /** One of each role, overwrite, message-life and server-life fact, in a possible order. */
  private static List<ServerEvent> governance() {
    return List.of(
        new RoleCreated(
            SERVER,
            MODERATORS,
            "Moderators",
            List.of(Permission.KICK_MEMBERS, Permission.MANAGE_MESSAGES)),
        new RoleUpdated(
            SERVER,
            MODERATORS,
            "Mods",
            List.of(Permission.KICK_MEMBERS, Permission.BAN_MEMBERS, Permission.MANAGE_MESSAGES)),
        new MemberRoleAdded(SERVER, BOB, MODERATORS),
        new ChannelOverwriteSet(
            SERVER,
            RANDOM,
            OverwriteTarget.ROLE,
            SERVER.value(),
            List.of(),
            List.of(Permission.VIEW_CHANNEL)),
        new ChannelOverwriteRemoved(SERVER, RANDOM, SERVER.value()),
        new MessageEdited(SERVER, GENERAL, MESSAGE, "Hello, edited <@" + BOB + ">"),
        new MembersMentioned(SERVER, GENERAL, MESSAGE, List.of(BOB)),
        new MessageDeleted(SERVER, GENERAL, MESSAGE),
        new ChannelRead(SERVER, GENERAL, BOB),
        new MemberKicked(SERVER, BOB, "off-topic"),
        new MemberRoleRemoved(SERVER, BOB, MODERATORS),
        new RoleDeleted(SERVER, MODERATORS),
        new ServerUpdated(SERVER, "Rustaceans", "All things Rust"),
        new ServerDeleted(SERVER));
  }

  /** One of each direct-message fact, in the order a conversation lives them. */
  private static List<DmEvent> conversationLife() {
    return List.of(
        new ConversationOpened(CONVERSATION, ALICE, BOB),
        new DirectMessageSent(CONVERSATION, DIRECT_MESSAGE, ALICE, BOB, CONTENT, true),
        new ConversationRead(CONVERSATION, BOB),
        new DirectMessageDeleted(CONVERSATION, DIRECT_MESSAGE, ALICE, BOB),
        new UserBlocked(CONVERSATION, ALICE, BOB),
        new UserUnblocked(CONVERSATION, ALICE, BOB));
  }

  /** One of each account fact after registration, in the order an account lives them. */
  private static List<UserEvent> accountLife() {
    return List.of(
        new SessionStarted(ALICE, SESSION, SIGNED_IN_AT.plus(Duration.ofDays(30)), IP, USER_AGENT),
        new SessionRefreshed(ALICE, SESSION, 1, SIGNED_IN_AT.plus(Duration.ofDays(31))),
        new SigninFailed(ALICE, IP, USER_AGENT),
        new ProfileUpdated(ALICE, "Alice L.", "https://example.com/alice.png", null),
        new SessionRevoked(ALICE, SESSION, SessionRevoked.Reason.SIGNED_OUT),
        new UserDeleted(ALICE));
  }

  private static List<Event> serverCreation() {
    return List.of(
        Event.decided(
            CREATE,
            0,
            SERVER.value(),
            1,
            CREATED_AT,
            ALICE,
            new ServerCreated(SERVER, "Rust fans", ALICE, "main")),
        Event.decided(
            CREATE, 1, SERVER.value(), 2, CREATED_AT, ALICE, new MemberJoined(SERVER, ALICE)),
        Event.decided(
            CREATE,
            2,
            SERVER.value(),
            3,
            CREATED_AT,
            ALICE,
            new ChannelCreated(SERVER, GENERAL, "general", 0)));
  }

  private static Event messagePosted() {
    return Event.decided(
        POST,
        0,
        SERVER.value(),
        4,
        POSTED_AT,
        ALICE,
        new MessagePosted(SERVER, GENERAL, MESSAGE, ALICE, CONTENT));
  }

  private static void put(Map<String, Event> events, Event event) {
    events.put(event.type(), event);
  }

  private static void put(Map<String, Command> commands, Command command) {
    commands.put(command.type(), command);
  }
}
