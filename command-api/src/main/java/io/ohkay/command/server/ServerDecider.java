package io.ohkay.command.server;

import io.ohkay.command.decider.Decider;
import io.ohkay.command.decider.Decision;
import io.ohkay.schemas.command.AcceptInvite;
import io.ohkay.schemas.command.BanMember;
import io.ohkay.schemas.command.CreateChannel;
import io.ohkay.schemas.command.CreateInvite;
import io.ohkay.schemas.command.CreateServer;
import io.ohkay.schemas.command.DeleteChannel;
import io.ohkay.schemas.command.KickMember;
import io.ohkay.schemas.command.LeaveServer;
import io.ohkay.schemas.command.MoveChannel;
import io.ohkay.schemas.command.PostMessage;
import io.ohkay.schemas.command.RemoveMember;
import io.ohkay.schemas.command.RenameChannel;
import io.ohkay.schemas.command.ServerCommand;
import io.ohkay.schemas.command.UnbanMember;
import io.ohkay.schemas.error.ErrorCode;
import io.ohkay.schemas.event.ChannelCreated;
import io.ohkay.schemas.event.ChannelDeleted;
import io.ohkay.schemas.event.ChannelMoved;
import io.ohkay.schemas.event.ChannelRenamed;
import io.ohkay.schemas.event.EventPayload;
import io.ohkay.schemas.event.MemberJoined;
import io.ohkay.schemas.event.MessagePosted;
import io.ohkay.schemas.event.ServerCreated;
import io.ohkay.schemas.event.UserEvent;
import io.ohkay.schemas.id.UserId;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Decides everything that happens inside one server. Non-members learn nothing: an unknown server
 * and a server one is not a member of are refused with the same code.
 */
public final class ServerDecider implements Decider<ServerCommand, ServerState> {

  static final String GENERAL_CHANNEL = "general";

  @Override
  public ServerState initialState() {
    return ServerState.NONE;
  }

  @Override
  public Class<ServerState> stateType() {
    return ServerState.class;
  }

  @Override
  public Class<ServerCommand> commandType() {
    return ServerCommand.class;
  }

  @Override
  public Decision decide(
      ServerCommand command, @Nullable UserId actor, Instant at, ServerState state) {
    if (command instanceof RemoveMember remove) {
      return MembershipRules.remove(remove, state);
    }
    if (actor == null) {
      return Decision.reject(ErrorCode.UNAUTHENTICATED, "Server commands need an actor.");
    }
    return switch (command) {
      case CreateServer create -> create(create, actor, state);
      case PostMessage post -> post(post, actor, state);
      case CreateInvite invite -> MembershipRules.invite(invite, actor, state);
      case AcceptInvite accept -> MembershipRules.accept(accept, actor, at, state);
      case LeaveServer leave -> MembershipRules.leave(leave, actor, state);
      case KickMember kick -> MembershipRules.kick(kick, actor, state);
      case BanMember ban -> MembershipRules.ban(ban, actor, state);
      case UnbanMember unban -> MembershipRules.unban(unban, actor, state);
      case RemoveMember remove -> MembershipRules.remove(remove, state);
      case CreateChannel create -> ChannelRules.create(create, actor, state);
      case RenameChannel rename -> ChannelRules.rename(rename, actor, state);
      case MoveChannel move -> ChannelRules.move(move, actor, state);
      case DeleteChannel delete -> ChannelRules.delete(delete, actor, state);
    };
  }

  private static Decision create(CreateServer command, UserId actor, ServerState state) {
    if (state.exists()) {
      return Decision.reject(ErrorCode.SERVER_ALREADY_EXISTS, "Server id already used.");
    }
    return new Decision.Accept(
        List.of(
            new ServerCreated(command.serverId(), command.name(), actor),
            new MemberJoined(command.serverId(), actor),
            new ChannelCreated(command.serverId(), command.generalChannelId(), GENERAL_CHANNEL, 0)),
        List.of(MembershipRules.noted(actor, command.serverId(), true)));
  }

  private static Decision post(PostMessage command, UserId actor, ServerState state) {
    if (!state.isMember(actor)) {
      return Decision.reject(ErrorCode.SERVER_NOT_FOUND, "No such server.");
    }
    if (!state.channels().contains(command.channelId())) {
      return Decision.reject(ErrorCode.CHANNEL_NOT_FOUND, "No such channel.");
    }
    return Decision.accept(
        new MessagePosted(
            command.serverId(),
            command.channelId(),
            command.messageId(),
            actor,
            command.content()));
  }

  @Override
  public ServerState evolve(ServerState state, EventPayload event) {
    return switch (event) {
      case ServerCreated created -> state.created(created.ownerId());
      case ChannelCreated channel -> state.withChannelAt(channel.channelId(), channel.position());
      case MessagePosted posted -> state;
      case UserEvent other -> state;
      case ChannelRenamed renamed -> state;
      case ChannelMoved moved -> state.withChannelAt(moved.channelId(), moved.position());
      case ChannelDeleted deleted -> state.withoutChannel(deleted.channelId());
      default -> MembershipRules.evolve(state, event);
    };
  }
}
