package io.ohkay.command.dm;

import io.ohkay.command.decider.Decider;
import io.ohkay.command.decider.Decision;
import io.ohkay.schemas.command.BlockUser;
import io.ohkay.schemas.command.DeleteDirectMessage;
import io.ohkay.schemas.command.DmCommand;
import io.ohkay.schemas.command.MarkConversationRead;
import io.ohkay.schemas.command.OpenConversation;
import io.ohkay.schemas.command.SendDirectMessage;
import io.ohkay.schemas.command.UnblockUser;
import io.ohkay.schemas.error.ErrorCode;
import io.ohkay.schemas.event.ConversationOpened;
import io.ohkay.schemas.event.ConversationRead;
import io.ohkay.schemas.event.DirectMessageDeleted;
import io.ohkay.schemas.event.DirectMessageSent;
import io.ohkay.schemas.event.DmEvent;
import io.ohkay.schemas.event.EventPayload;
import io.ohkay.schemas.event.UserBlocked;
import io.ohkay.schemas.event.UserUnblocked;
import io.ohkay.schemas.id.MessageId;
import io.ohkay.schemas.id.UserId;
import io.ohkay.schemas.json.Json;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Decides everything that happens in the conversation of two users, one aggregate per pair (keyed
 * by {@link io.ohkay.schemas.id.ConversationId}), so a block takes effect for the pair's very next
 * command. A command about one message is decided with that message's facts, a part stored under
 * {@code <conversationId>#message:<messageId>}.
 */
public final class DmDecider implements Decider<DmCommand, DmState> {

  @Override
  public DmState initialState() {
    return DmState.NONE;
  }

  @Override
  public Class<DmState> stateType() {
    return DmState.class;
  }

  @Override
  public Class<DmCommand> commandType() {
    return DmCommand.class;
  }

  @Override
  public Decision decide(DmCommand command, @Nullable UserId actor, Instant at, DmState state) {
    if (actor == null) {
      return Decision.reject(ErrorCode.UNAUTHENTICATED, "Direct messages need an actor.");
    }
    return switch (command) {
      case OpenConversation open -> DmRules.open(open, actor, state);
      case SendDirectMessage send -> DmRules.send(send, actor, state);
      case DeleteDirectMessage delete -> DmRules.delete(delete, actor, state);
      case MarkConversationRead read -> DmRules.read(read, actor, state);
      case BlockUser block -> DmRules.block(block, actor, state);
      case UnblockUser unblock -> DmRules.unblock(unblock, actor, state);
    };
  }

  @Override
  public DmState evolve(DmState state, EventPayload event) {
    if (!(event instanceof DmEvent fact)) {
      return state;
    }
    return switch (fact) {
      case ConversationOpened opened ->
          state.openedBetween(opened.initiatorId(), opened.recipientId());
      case DirectMessageSent sent ->
          state.withMessage(new DmState.Message(sent.messageId(), sent.authorId(), false));
      case DirectMessageDeleted deleted -> messageDeleted(state, deleted);
      case ConversationRead read -> state;
      case UserBlocked blocked -> state.withBlock(blocked.blockerId(), blocked.blockedId(), true);
      case UserUnblocked lifted -> state.withBlock(lifted.blockerId(), lifted.blockedId(), false);
    };
  }

  private static DmState messageDeleted(DmState state, DirectMessageDeleted deleted) {
    var message = state.message();
    if (message == null || !message.id().equals(deleted.messageId())) {
      return state;
    }
    return state.withMessage(new DmState.Message(message.id(), message.authorId(), true));
  }

  @Override
  public @Nullable String partKey(DmCommand command) {
    return switch (command) {
      case SendDirectMessage send -> messagePart(send.messageId());
      case DeleteDirectMessage delete -> messagePart(delete.messageId());
      default -> null;
    };
  }

  /** The part key of a message's facts. */
  static String messagePart(MessageId message) {
    return "message:" + message;
  }

  @Override
  public DmState withPart(DmState state, byte @Nullable [] stored) {
    return state.withMessage(stored == null ? null : Json.read(stored, DmState.Message.class));
  }

  @Override
  public byte @Nullable [] partOf(DmState state) {
    var message = state.message();
    return message == null ? null : Json.write(message);
  }

  @Override
  public DmState withoutPart(DmState state) {
    return state.message() == null ? state : state.withMessage(null);
  }
}
