package io.ohkay.command.server;

import io.ohkay.command.decider.Decider;
import io.ohkay.command.decider.Decision;
import io.ohkay.schemas.command.AcceptInvite;
import io.ohkay.schemas.command.AssignRole;
import io.ohkay.schemas.command.BanMember;
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
import io.ohkay.schemas.command.RemoveMember;
import io.ohkay.schemas.command.RenameChannel;
import io.ohkay.schemas.command.ServerCommand;
import io.ohkay.schemas.command.SetChannelOverwrite;
import io.ohkay.schemas.command.UnassignRole;
import io.ohkay.schemas.command.UnbanMember;
import io.ohkay.schemas.command.UpdateRole;
import io.ohkay.schemas.command.UpdateServer;
import io.ohkay.schemas.error.ErrorCode;
import io.ohkay.schemas.event.ChannelCreated;
import io.ohkay.schemas.event.ChannelDeleted;
import io.ohkay.schemas.event.ChannelMoved;
import io.ohkay.schemas.event.EventPayload;
import io.ohkay.schemas.event.MessageDeleted;
import io.ohkay.schemas.event.MessagePosted;
import io.ohkay.schemas.event.RoleCreated;
import io.ohkay.schemas.event.RoleDeleted;
import io.ohkay.schemas.event.RoleUpdated;
import io.ohkay.schemas.event.ServerCreated;
import io.ohkay.schemas.event.ServerDeleted;
import io.ohkay.schemas.event.ServerEvent;
import io.ohkay.schemas.event.ServerUpdated;
import io.ohkay.schemas.id.MessageId;
import io.ohkay.schemas.id.UserId;
import io.ohkay.schemas.json.Json;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Decides everything that happens inside one server. Non-members learn nothing: an unknown server,
 * a deleted one and a server one is not a member of are refused with the same code. A command about
 * one message is decided with that message's facts, a part stored under {@code
 * <serverId>#message:<messageId>}, so the server's state never holds its messages.
 */
public final class ServerDecider implements Decider<ServerCommand, ServerState> {

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
      ServerCommand command, @Nullable UserId actor, Instant at, ServerState stored) {
    var state = stored.in(command.serverId());
    if (state.deleted() && !(command instanceof CreateServer)) {
      return Guards.serverNotFound();
    }
    if (command instanceof RemoveMember remove) {
      return MembershipRules.remove(remove, state);
    }
    if (actor == null) {
      return Decision.reject(ErrorCode.UNAUTHENTICATED, "Server commands need an actor.");
    }
    return switch (command) {
      case CreateServer create -> ServerRules.create(create, actor, state);
      case UpdateServer update -> ServerRules.update(update, actor, state);
      case DeleteServer delete -> ServerRules.delete(delete, actor, state);
      case PostMessage post -> MessageRules.post(post, actor, state);
      case EditMessage edit -> MessageRules.edit(edit, actor, state);
      case DeleteMessage delete -> MessageRules.delete(delete, actor, state);
      case MarkChannelRead read -> MessageRules.read(read, actor, state);
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
      case SetChannelOverwrite set -> OverwriteRules.set(set, actor, state);
      case RemoveChannelOverwrite remove -> OverwriteRules.remove(remove, actor, state);
      case CreateRole create -> RoleRules.create(create, actor, state);
      case UpdateRole update -> RoleRules.update(update, actor, state);
      case DeleteRole delete -> RoleRules.delete(delete, actor, state);
      case AssignRole assign -> RoleRules.assign(assign, actor, state);
      case UnassignRole unassign -> RoleRules.unassign(unassign, actor, state);
    };
  }

  @Override
  public ServerState evolve(ServerState state, EventPayload event) {
    if (!(event instanceof ServerEvent fact)) {
      return state;
    }
    var next = state.in(fact.serverId()).withAccessAfter(fact);
    return switch (fact) {
      case ServerCreated created -> next.created(created.ownerId(), created.name());
      case ServerUpdated updated -> next.withProfile(updated.name(), updated.description());
      case ServerDeleted deleted -> next.deletedForGood();
      case ChannelCreated channel -> next.withChannelAt(channel.channelId(), channel.position());
      case ChannelMoved moved -> next.withChannelAt(moved.channelId(), moved.position());
      case ChannelDeleted deleted -> next.withoutChannel(deleted.channelId());
      case RoleCreated created -> next.withRoleName(created.roleId().value(), created.name());
      case RoleUpdated updated -> next.withRoleName(updated.roleId().value(), updated.name());
      case RoleDeleted deleted -> next.withRoleName(deleted.roleId().value(), null);
      case MessagePosted posted ->
          next.withMessage(
              new ServerState.Message(
                  posted.messageId(), posted.channelId(), posted.authorId(), false));
      case MessageDeleted deleted -> messageDeleted(next, deleted);
      default -> MembershipRules.evolve(next, fact);
    };
  }

  private static ServerState messageDeleted(ServerState state, MessageDeleted deleted) {
    var message = state.message();
    if (message == null || !message.id().equals(deleted.messageId())) {
      return state;
    }
    return state.withMessage(
        new ServerState.Message(message.id(), message.channelId(), message.authorId(), true));
  }

  @Override
  public @Nullable String partKey(ServerCommand command) {
    var message =
        switch (command) {
          case PostMessage post -> post.messageId();
          case EditMessage edit -> edit.messageId();
          case DeleteMessage delete -> delete.messageId();
          default -> null;
        };
    return message == null ? null : messagePart(message);
  }

  /** The part key of a message's facts. */
  static String messagePart(MessageId message) {
    return "message:" + message;
  }

  @Override
  public ServerState withPart(ServerState state, byte @Nullable [] stored) {
    return state.withMessage(stored == null ? null : Json.read(stored, ServerState.Message.class));
  }

  @Override
  public byte @Nullable [] partOf(ServerState state) {
    var message = state.message();
    return message == null ? null : Json.write(message);
  }

  @Override
  public ServerState withoutPart(ServerState state) {
    return state.message() == null ? state : state.withMessage(null);
  }
}
