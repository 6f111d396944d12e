package io.ohkay.schemas.command;

import io.ohkay.schemas.id.ConversationId;
import io.ohkay.schemas.id.MessageId;
import java.util.Objects;

/** {@code dm.message.delete.v1}: the actor, its author, deletes a message of the conversation. */
public record DeleteDirectMessage(ConversationId conversationId, MessageId messageId)
    implements DmCommand {

  public DeleteDirectMessage {
    Objects.requireNonNull(conversationId, "conversationId");
    Objects.requireNonNull(messageId, "messageId");
  }
}
