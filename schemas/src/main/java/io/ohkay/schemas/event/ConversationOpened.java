package io.ohkay.schemas.event;

import io.ohkay.schemas.id.ConversationId;
import io.ohkay.schemas.id.UserId;
import java.util.List;

/** {@code dm.conversation.opened.v1}: the two users have a conversation, opened by the first. */
public record ConversationOpened(
    ConversationId conversationId, UserId initiatorId, UserId recipientId) implements DmEvent {

  @Override
  public List<UserId> audience() {
    return List.of(initiatorId, recipientId);
  }
}
