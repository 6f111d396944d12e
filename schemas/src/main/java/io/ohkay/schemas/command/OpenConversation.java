package io.ohkay.schemas.command;

import io.ohkay.schemas.id.ConversationId;
import io.ohkay.schemas.id.UserId;
import java.util.Objects;

/**
 * {@code dm.open.v1}: the actor gets or creates the conversation with {@code recipientId}; {@code
 * conversationId} is {@link ConversationId#between} the two.
 */
public record OpenConversation(ConversationId conversationId, UserId recipientId)
    implements DmCommand {

  public OpenConversation {
    Objects.requireNonNull(conversationId, "conversationId");
    Objects.requireNonNull(recipientId, "recipientId");
  }
}
