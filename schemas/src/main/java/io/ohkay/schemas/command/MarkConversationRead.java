package io.ohkay.schemas.command;

import io.ohkay.schemas.id.ConversationId;
import java.util.Objects;

/** {@code dm.mark-read.v1}: the actor has read the conversation up to now. */
public record MarkConversationRead(ConversationId conversationId) implements DmCommand {

  public MarkConversationRead {
    Objects.requireNonNull(conversationId, "conversationId");
  }
}
