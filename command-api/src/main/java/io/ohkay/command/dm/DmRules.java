package io.ohkay.command.dm;

import io.ohkay.command.decider.Decision;
import io.ohkay.schemas.command.BlockUser;
import io.ohkay.schemas.command.DeleteDirectMessage;
import io.ohkay.schemas.command.MarkConversationRead;
import io.ohkay.schemas.command.OpenConversation;
import io.ohkay.schemas.command.SendDirectMessage;
import io.ohkay.schemas.command.UnblockUser;
import io.ohkay.schemas.error.ErrorCode;
import io.ohkay.schemas.event.ConversationOpened;
import io.ohkay.schemas.event.ConversationRead;
import io.ohkay.schemas.event.DirectMessageDeleted;
import io.ohkay.schemas.event.DirectMessageSent;
import io.ohkay.schemas.event.UserBlocked;
import io.ohkay.schemas.event.UserUnblocked;
import io.ohkay.schemas.id.ConversationId;
import io.ohkay.schemas.id.UserId;
import org.jspecify.annotations.Nullable;

/**
 * The decisions of one conversation. A non-participant learns nothing (CONVERSATION_NOT_FOUND); a
 * block by either side stops opening and sending (CANNOT_SEND, whoever blocked) but not deleting or
 * reading; asking for what is already so (opening an open conversation, blocking twice) is accepted
 * without a fact, so concurrent opens from both sides open it once.
 */
final class DmRules {

  private DmRules() {}

  static Decision open(OpenConversation command, UserId actor, DmState state) {
    var refusal = pair(command.conversationId(), actor, command.recipientId());
    if (refusal != null) {
      return refusal;
    }
    if (state.blocked()) {
      return cannotSend();
    }
    return state.opened()
        ? Decision.unchanged()
        : Decision.accept(
            new ConversationOpened(command.conversationId(), actor, command.recipientId()));
  }

  static Decision send(SendDirectMessage command, UserId actor, DmState state) {
    if (!state.admits(actor)) {
      return notFound();
    }
    if (state.blocked()) {
      return cannotSend();
    }
    var known = state.message();
    if (known != null && known.id().equals(command.messageId())) {
      return Decision.reject(ErrorCode.MESSAGE_ALREADY_EXISTS, "Message id already used.");
    }
    return Decision.accept(
        new DirectMessageSent(
            command.conversationId(),
            command.messageId(),
            actor,
            state.otherThan(actor),
            command.content(),
            command.recipientOffline()));
  }

  static Decision delete(DeleteDirectMessage command, UserId actor, DmState state) {
    if (!state.admits(actor)) {
      return notFound();
    }
    var message = state.message();
    if (message == null || !message.id().equals(command.messageId()) || message.deleted()) {
      return Decision.reject(ErrorCode.MESSAGE_NOT_FOUND, "No such message in this conversation.");
    }
    if (!message.authorId().equals(actor)) {
      return Decision.reject(ErrorCode.NOT_MESSAGE_AUTHOR, "Only its author deletes a message.");
    }
    return Decision.accept(
        new DirectMessageDeleted(
            command.conversationId(), command.messageId(), actor, state.otherThan(actor)));
  }

  static Decision read(MarkConversationRead command, UserId actor, DmState state) {
    return state.admits(actor)
        ? Decision.accept(new ConversationRead(command.conversationId(), actor))
        : notFound();
  }

  static Decision block(BlockUser command, UserId actor, DmState state) {
    var refusal = pair(command.conversationId(), actor, command.userId());
    if (refusal != null) {
      return refusal;
    }
    return state.blockers().contains(actor)
        ? Decision.unchanged()
        : Decision.accept(new UserBlocked(command.conversationId(), actor, command.userId()));
  }

  static Decision unblock(UnblockUser command, UserId actor, DmState state) {
    var refusal = pair(command.conversationId(), actor, command.userId());
    if (refusal != null) {
      return refusal;
    }
    return state.blockers().contains(actor)
        ? Decision.accept(new UserUnblocked(command.conversationId(), actor, command.userId()))
        : Decision.unchanged();
  }

  /** Refused unless {@code conversation} is the one of {@code actor} and another user. */
  private static @Nullable Decision pair(ConversationId conversation, UserId actor, UserId other) {
    if (actor.equals(other) || !conversation.equals(ConversationId.between(actor, other))) {
      return Decision.reject(
          ErrorCode.VALIDATION_FAILED, "The conversation is not the one of you and this user.");
    }
    return null;
  }

  private static Decision notFound() {
    return Decision.reject(ErrorCode.CONVERSATION_NOT_FOUND, "No such conversation.");
  }

  private static Decision cannotSend() {
    return Decision.reject(ErrorCode.CANNOT_SEND, "You cannot send messages to this user.");
  }
}
