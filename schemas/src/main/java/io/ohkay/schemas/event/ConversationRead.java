package io.ohkay.schemas.event;

import io.ohkay.schemas.id.ConversationId;
import io.ohkay.schemas.id.UserId;
import java.util.List;

/**
 * {@code dm.conversation.read.v1}: the participant has read the conversation up to this event:
 * every message with a lower seq is read. Only the reader sees it.
 */
public record ConversationRead(ConversationId conversationId, UserId userId) implements DmEvent {

  @Override
  public List<UserId> audience() {
    return List.of(userId);
  }
}
