package io.ohkay.platform;

import io.ohkay.schemas.command.AcceptInvite;
import io.ohkay.schemas.command.AssignRole;
import io.ohkay.schemas.command.BanMember;
import io.ohkay.schemas.command.Command;
import io.ohkay.schemas.command.CommandPayload;
import io.ohkay.schemas.command.CreateChannel;
import io.ohkay.schemas.command.CreateInvite;
import io.ohkay.schemas.command.CreateRole;
import io.ohkay.schemas.command.CreateServer;
import io.ohkay.schemas.command.DeleteChannel;
import io.ohkay.schemas.command.DeleteMessage;
import io.ohkay.schemas.command.DeleteRole;
import io.ohkay.schemas.command.DeleteServer;
import io.ohkay.schemas.command.EditMessage;
import io.ohkay.schemas.command.KickMember;
import io.ohkay.schemas.command.LeaveServer;
import io.ohkay.schemas.command.MarkChannelRead;
import io.ohkay.schemas.command.MoveChannel;
import io.ohkay.schemas.command.PostMessage;
import io.ohkay.schemas.command.RemoveChannelOverwrite;
import io.ohkay.schemas.command.RenameChannel;
import io.ohkay.schemas.command.SetChannelOverwrite;
import io.ohkay.schemas.command.UnassignRole;
import io.ohkay.schemas.command.UnbanMember;
import io.ohkay.schemas.command.UpdateRole;
import io.ohkay.schemas.command.UpdateServer;
import io.ohkay.schemas.event.ChannelCreated;
import io.ohkay.schemas.event.ChannelDeleted;
import io.ohkay.schemas.event.ChannelOverwriteSet;
import io.ohkay.schemas.event.InviteCreated;
import io.ohkay.schemas.event.MemberBanned;
import io.ohkay.schemas.event.MemberJoined;
import io.ohkay.schemas.event.MemberLeft;
import io.ohkay.schemas.event.MemberUnbanned;
import io.ohkay.schemas.event.MessageDeleted;
import io.ohkay.schemas.event.MessagePosted;
import io.ohkay.schemas.event.RoleCreated;
import io.ohkay.schemas.event.RoleDeleted;
import io.ohkay.schemas.event.ServerDeleted;
import io.ohkay.schemas.id.ChannelId;
import io.ohkay.schemas.id.CommandId;
import io.ohkay.schemas.id.MessageId;
import io.ohkay.schemas.id.RoleId;
import io.ohkay.schemas.id.ServerId;
import io.ohkay.schemas.id.UserId;
import io.ohkay.schemas.outcome.CommandOutcome;
import io.ohkay.schemas.permission.OverwriteTarget;
import io.ohkay.schemas.permission.Permission;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * One server's share of a randomized scenario: draws the next command from a seeded random source,
 * aimed at what the server holds (learnt from the accepted events), and acted by the owner more
 * often than not, so most commands are accepted and some are refused. Same seed, same commands.
 */
final class ServerScenario {

  private static final String[] WORDS = {
    "kafka", "rust", "deploy", "coffee", "release", "bug", "lunch", "review", "ship", "test"
  };
  private static final Instant START = Instant.parse("2026-11-21T00:00:00Z");

  private final Random random;
  private final ServerId server;
  private final UserId owner;
  private final List<UserId> users;
  private final LinkedHashSet<UserId> members = new LinkedHashSet<>();
  private final LinkedHashSet<UserId> bans = new LinkedHashSet<>();
  private final List<ChannelId> channels = new ArrayList<>();
  private final List<RoleId> roles = new ArrayList<>();
  private final List<MessagePosted> messages = new ArrayList<>();
  private final List<String> invites = new ArrayList<>();
  private int step;
  private int memberOverwrites;
  private boolean deleted;

  ServerScenario(long seed, UserId owner, List<UserId> users) {
    this.random = new Random(seed);
    this.server = new ServerId(uuid());
    this.owner = owner;
    this.users = List.copyOf(users);
  }

  ServerId server() {
    return server;
  }

  boolean deleted() {
    return deleted;
  }

  /** How many member overwrites were set, whether or not they still exist. */
  int memberOverwrites() {
    return memberOverwrites;
  }

  Command create() {
    return command(
        owner, new CreateServer(server, "Scenario " + server, new ChannelId(uuid()), "main"));
  }

  Command delete() {
    return command(owner, new DeleteServer(server));
  }

  /** The next command, drawn from what the server holds now. */
  Command next() {
    if (invites.isEmpty()) {
      return command(member(), new CreateInvite(server, code(), null, null));
    }
    if (channels.isEmpty()) {
      return command(owner, new CreateChannel(server, new ChannelId(uuid()), "c" + step));
    }
    if (members.size() < 4 || random.nextInt(100) < 6) {
      return join();
    }
    var roll = random.nextInt(100);
    if (roll < 32) {
      return post();
    }
    if (roll < 42) {
      return messageChange(roll);
    }
    if (roll < 48) {
      return command(member(), new MarkChannelRead(server, pick(channels)));
    }
    if (roll < 62) {
      return channelChange(roll);
    }
    if (roll < 80) {
      return roleChange(roll);
    }
    return memberChange(roll);
  }

  /** Learns what an accepted command changed. */
  void apply(CommandOutcome outcome) {
    for (var event : outcome.events()) {
      switch (event.payload()) {
        case MemberJoined joined -> members.add(joined.userId());
        case MemberLeft left -> members.remove(left.userId());
        case MemberBanned banned -> bans.add(banned.userId());
        case MemberUnbanned unbanned -> bans.remove(unbanned.userId());
        case ChannelCreated created -> channels.add(created.channelId());
        case ChannelDeleted gone -> {
          channels.remove(gone.channelId());
          messages.removeIf(m -> m.channelId().equals(gone.channelId()));
        }
        case RoleCreated created -> {
          if (!created.roleId().value().equals(server.value())) {
            roles.add(created.roleId());
          }
        }
        case RoleDeleted gone -> roles.remove(gone.roleId());
        case MessagePosted posted -> messages.add(posted);
        case MessageDeleted gone -> messages.removeIf(m -> m.messageId().equals(gone.messageId()));
        case InviteCreated invite -> invites.add(invite.code());
        case ServerDeleted gone -> deleted = true;
        case ChannelOverwriteSet set when set.targetType() == OverwriteTarget.MEMBER ->
            memberOverwrites++;
        default -> {}
      }
    }
  }

  private Command join() {
    var candidates = users.stream().filter(u -> !members.contains(u)).toList();
    var joiner = candidates.isEmpty() ? member() : pick(candidates);
    return command(joiner, new AcceptInvite(server, pick(invites)));
  }

  private Command post() {
    var content = new StringBuilder(WORDS[random.nextInt(WORDS.length)]);
    for (var i = random.nextInt(6); i > 0; i--) {
      content.append(' ').append(WORDS[random.nextInt(WORDS.length)]);
    }
    if (random.nextInt(5) == 0) {
      content.append(" <@").append(pick(List.copyOf(members))).append('>');
    }
    return command(
        member(),
        new PostMessage(server, pick(channels), new MessageId(uuid()), content.toString()));
  }

  private Command messageChange(int roll) {
    if (messages.isEmpty()) {
      return post();
    }
    var message = pick(messages);
    var actor = random.nextInt(4) == 0 ? member() : message.authorId();
    return roll < 37
        ? command(
            actor,
            new EditMessage(server, message.channelId(), message.messageId(), "edited " + step))
        : command(actor, new DeleteMessage(server, message.channelId(), message.messageId()));
  }

  private Command channelChange(int roll) {
    var actor = governor();
    if (roll < 53 || channels.size() < 2) {
      return channels.size() < 8
          ? command(actor, new CreateChannel(server, new ChannelId(uuid()), "c" + step))
          : command(actor, new RenameChannel(server, pick(channels), "r" + step));
    }
    if (roll < 56) {
      return command(
          actor, new MoveChannel(server, pick(channels), random.nextInt(channels.size())));
    }
    if (roll < 58) {
      return command(actor, new DeleteChannel(server, pick(channels)));
    }
    var everyone = random.nextInt(3) == 0;
    var target = everyone ? server.value() : pickTarget();
    if (roll < 61) {
      return command(
          actor,
          new SetChannelOverwrite(
              server,
              pick(channels),
              everyone || roles.contains(new RoleId(target))
                  ? OverwriteTarget.ROLE
                  : OverwriteTarget.MEMBER,
              target,
              permissions(2),
              permissions(2)));
    }
    return command(actor, new RemoveChannelOverwrite(server, pick(channels), target));
  }

  private Command roleChange(int roll) {
    var actor = governor();
    if (roll < 66 || roles.isEmpty()) {
      return command(
          actor, new CreateRole(server, new RoleId(uuid()), "role" + step, permissions(3)));
    }
    if (roll < 70) {
      return command(actor, new UpdateRole(server, pick(roles), null, permissions(3)));
    }
    if (roll < 72) {
      return command(actor, new DeleteRole(server, pick(roles)));
    }
    var member = pick(List.copyOf(members));
    return roll < 77
        ? command(actor, new AssignRole(server, member, pick(roles)))
        : command(actor, new UnassignRole(server, member, pick(roles)));
  }

  private Command memberChange(int roll) {
    var actor = governor();
    var target = pick(List.copyOf(members));
    if (roll < 84) {
      return command(actor, new KickMember(server, target, "kick " + step));
    }
    if (roll < 88) {
      return command(actor, new BanMember(server, target, "ban " + step));
    }
    if (roll < 91 && !bans.isEmpty()) {
      return command(actor, new UnbanMember(server, pick(List.copyOf(bans))));
    }
    if (roll < 94) {
      return command(target, new LeaveServer(server));
    }
    if (roll < 97) {
      return command(member(), new CreateInvite(server, code(), null, null));
    }
    return command(actor, new UpdateServer(server, "renamed " + step, "about " + step));
  }

  private List<Permission> permissions(int most) {
    var all = Permission.values();
    var chosen = new LinkedHashSet<Permission>();
    for (var i = random.nextInt(most + 1); i > 0; i--) {
      // Administrator rarely: it would make every later check pass.
      var permission = all[1 + random.nextInt(all.length - 1)];
      chosen.add(permission);
    }
    return List.copyOf(chosen);
  }

  private UUID pickTarget() {
    if (!roles.isEmpty() && random.nextBoolean()) {
      return pick(roles).value();
    }
    return pick(List.copyOf(members)).value();
  }

  /** The owner two times in three, any member otherwise. */
  private UserId governor() {
    return random.nextInt(3) < 2 ? owner : member();
  }

  private UserId member() {
    return members.isEmpty() ? owner : pick(List.copyOf(members));
  }

  private <T> T pick(List<T> from) {
    return from.get(random.nextInt(from.size()));
  }

  private String code() {
    return Long.toString(random.nextLong() & Long.MAX_VALUE, 36);
  }

  private UUID uuid() {
    return new UUID(random.nextLong(), random.nextLong());
  }

  private Command command(UserId actor, CommandPayload payload) {
    step++;
    return new Command(new CommandId(uuid()), actor, START.plusSeconds(step), payload);
  }
}
