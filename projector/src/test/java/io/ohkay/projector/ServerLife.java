package io.ohkay.projector;

import static io.ohkay.schemas.permission.Permission.CREATE_INVITES;
import static io.ohkay.schemas.permission.Permission.KICK_MEMBERS;
import static io.ohkay.schemas.permission.Permission.MANAGE_MESSAGES;
import static io.ohkay.schemas.permission.Permission.SEND_MESSAGES;
import static io.ohkay.schemas.permission.Permission.VIEW_CHANNEL;

import io.ohkay.projector.TestEvents.ServerHistory;
import io.ohkay.schemas.event.ChannelCreated;
import io.ohkay.schemas.event.ChannelDeleted;
import io.ohkay.schemas.event.ChannelMoved;
import io.ohkay.schemas.event.ChannelOverwriteRemoved;
import io.ohkay.schemas.event.ChannelOverwriteSet;
import io.ohkay.schemas.event.ChannelRead;
import io.ohkay.schemas.event.ChannelRenamed;
import io.ohkay.schemas.event.Event;
import io.ohkay.schemas.event.EventPayload;
import io.ohkay.schemas.event.InviteCreated;
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
import io.ohkay.schemas.event.ServerUpdated;
import io.ohkay.schemas.id.ChannelId;
import io.ohkay.schemas.id.CommandId;
import io.ohkay.schemas.id.MessageId;
import io.ohkay.schemas.id.RoleId;
import io.ohkay.schemas.id.UserId;
import io.ohkay.schemas.permission.OverwriteTarget;
import io.ohkay.schemas.permission.Permission;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A server's life with roles, overwrites, edits, deletions, reads and moderation, after {@link
 * TestEvents#server(int) server(0)} (seq 1 to 3: created, the owner joins before any channel
 * exists, "general" at 0). Each later event happens at {@link TestEvents#AT} plus its seq in
 * seconds; the seqs are listed in {@link #create()}.
 *
 * @param history the server's creation
 * @param ann a member: gets "mods", mentioned, edits and deletes her message, deletes Ben's, reads,
 *     is banned (41), unbanned
 * @param ben a member: holds "temp", is kicked (34), rejoins (35), deletes his account (46)
 * @param mods a role, renamed "moderators", that the owner keeps
 * @param temp a role deleted at 43
 * @param random a channel created at 14, moved first at 31, deleted at 44 with its messages
 * @param mention the message posted at 20 mentioning Ann and the owner (21)
 * @param edited Ann's message, edited (23) then deleted by her (24)
 * @param spam Ben's message in "random", deleted by Ann (26)
 * @param code the invite code created at 39
 * @param events every event, seq 1 onwards
 */
public record ServerLife(
    ServerHistory history,
    UserId ann,
    UserId ben,
    RoleId mods,
    RoleId temp,
    ChannelId random,
    MessageId mention,
    MessageId edited,
    MessageId spam,
    String code,
    List<Event> events) {

  /**
   * 4 the everyone role; 5, 6 Ann and Ben join (system messages in "general"); 7, 8 roles "mods"
   * and "temp"; 9 to 12 Ann and the owner get mods, Ben temp and mods; 13 Ben loses mods; 14
   * "random" at 1; 15 to 19 overwrites (temp and Ben in random, Ann and mods twice in general); 20
   * Ben mentions Ann and the owner (21); 22 to 24 Ann posts, edits, deletes; 25, 26 Ben posts in
   * random, Ann deletes it; 27 to 30 reads; 31, 32 random moves first; 33, 34 Ben kicked; 35 Ben
   * rejoins (in random); 36 general renamed "lobby"; 37 mods updated; 38 server updated; 39 invite;
   * 40, 41 Ann banned; 42 unbanned; 43 temp deleted; 44, 45 random deleted, general back to 0; 46
   * Ben's account deleted (LEFT, in lobby); 47, 48 an everyone overwrite set and removed.
   */
  public static ServerLife create() {
    var history = TestEvents.server(0);
    var server = history.server();
    var owner = history.owner();
    var general = history.channel();
    var ann = new UserId(UUID.randomUUID());
    var ben = new UserId(UUID.randomUUID());
    var mods = new RoleId(UUID.randomUUID());
    var temp = new RoleId(UUID.randomUUID());
    var everyone = new RoleId(server.value());
    var random = new ChannelId(UUID.randomUUID());
    var mention = new MessageId(UUID.randomUUID());
    var edited = new MessageId(UUID.randomUUID());
    var spam = new MessageId(UUID.randomUUID());
    var code = "c" + UUID.randomUUID().toString().substring(0, 8);
    var life = new Builder(history);
    life.add(owner, new RoleCreated(server, everyone, "@everyone", List.of(VIEW_CHANNEL)));
    life.add(ann, new MemberJoined(server, ann));
    life.add(ben, new MemberJoined(server, ben));
    life.add(owner, new RoleCreated(server, mods, "mods", List.of(MANAGE_MESSAGES, KICK_MEMBERS)));
    life.add(owner, new RoleCreated(server, temp, "temp", List.of(CREATE_INVITES)));
    life.add(owner, new MemberRoleAdded(server, ann, mods));
    life.add(owner, new MemberRoleAdded(server, owner, mods));
    life.add(owner, new MemberRoleAdded(server, ben, temp));
    life.add(owner, new MemberRoleAdded(server, ben, mods));
    life.add(owner, new MemberRoleRemoved(server, ben, mods));
    life.add(owner, new ChannelCreated(server, random, "random", 1));
    life.add(owner, overwrite(life, random, OverwriteTarget.ROLE, temp.value(), SEND_MESSAGES));
    life.add(owner, overwrite(life, random, OverwriteTarget.MEMBER, ben.value(), null));
    life.add(owner, overwrite(life, general, OverwriteTarget.MEMBER, ann.value(), null));
    life.add(owner, overwrite(life, general, OverwriteTarget.ROLE, mods.value(), MANAGE_MESSAGES));
    life.add(
        owner,
        new ChannelOverwriteSet(
            server,
            general,
            OverwriteTarget.ROLE,
            mods.value(),
            List.of(MANAGE_MESSAGES, SEND_MESSAGES),
            List.of(CREATE_INVITES)));
    life.add(ben, new MessagePosted(server, general, mention, ben, "hi <@" + ann + ">"));
    life.add(ben, new MembersMentioned(server, general, mention, List.of(ann, owner)));
    life.add(ann, new MessagePosted(server, general, edited, ann, "hello"));
    life.add(ann, new MessageEdited(server, general, edited, "hello again"));
    life.add(ann, new MessageDeleted(server, general, edited));
    life.add(ben, new MessagePosted(server, random, spam, ben, "spam"));
    life.add(ann, new MessageDeleted(server, random, spam));
    life.add(ann, new ChannelRead(server, general, ann));
    life.add(ann, new ChannelRead(server, general, ann));
    life.add(ben, new ChannelRead(server, random, ben));
    life.add(owner, new ChannelRead(server, general, owner));
    life.add(owner, new ChannelMoved(server, random, 0));
    life.add(owner, new ChannelMoved(server, general, 1));
    life.add(owner, new MemberKicked(server, ben, "rude"));
    life.add(owner, new MemberLeft(server, ben, MemberLeft.Reason.KICKED));
    life.add(ben, new MemberJoined(server, ben));
    life.add(owner, new ChannelRenamed(server, general, "lobby"));
    life.add(owner, new RoleUpdated(server, mods, "moderators", List.of(MANAGE_MESSAGES)));
    life.add(owner, new ServerUpdated(server, "renamed", "about"));
    life.add(owner, new InviteCreated(server, code, owner, null, null));
    life.add(owner, new MemberBanned(server, ann, "spam"));
    life.add(owner, new MemberLeft(server, ann, MemberLeft.Reason.BANNED));
    life.add(owner, new MemberUnbanned(server, ann));
    life.add(owner, new RoleDeleted(server, temp));
    life.add(owner, new ChannelDeleted(server, random));
    life.add(owner, new ChannelMoved(server, general, 0));
    life.add(null, new MemberLeft(server, ben, MemberLeft.Reason.ACCOUNT_DELETED));
    life.add(owner, overwrite(life, general, OverwriteTarget.ROLE, everyone.value(), null));
    life.add(owner, new ChannelOverwriteRemoved(server, general, everyone.value()));
    return new ServerLife(
        history, ann, ben, mods, temp, random, mention, edited, spam, code, life.events());
  }

  /** Allows {@code allowed} if given, else denies SEND_MESSAGES. */
  private static ChannelOverwriteSet overwrite(
      Builder life,
      ChannelId channel,
      OverwriteTarget type,
      UUID target,
      @Nullable Permission allowed) {
    return new ChannelOverwriteSet(
        life.history.server(),
        channel,
        type,
        target,
        allowed == null ? List.of() : List.of(allowed),
        allowed == null ? List.of(SEND_MESSAGES) : List.of());
  }

  public UserId owner() {
    return history.owner();
  }

  /** The last seq of the life. */
  public long lastSeq() {
    return events.getLast().seq();
  }

  /** The event of one seq. */
  public Event at(long seq) {
    return events.get((int) seq - 1);
  }

  private static final class Builder {
    private final ServerHistory history;
    private final List<Event> events;

    Builder(ServerHistory history) {
      this.history = history;
      this.events = new ArrayList<>(history.events());
    }

    void add(@Nullable UserId actor, EventPayload payload) {
      var seq = events.size() + 1L;
      events.add(
          Event.decided(
              new CommandId(UUID.randomUUID()),
              0,
              history.server().value(),
              seq,
              TestEvents.AT.plusSeconds(seq),
              actor,
              payload));
    }

    List<Event> events() {
      return List.copyOf(events);
    }
  }
}
