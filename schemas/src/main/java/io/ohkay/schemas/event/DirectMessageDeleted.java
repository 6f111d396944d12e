package io.ohkay.schemas.event;

import io.ohkay.schemas.id.ConversationId;
import io.ohkay.schemas.id.MessageId;
import io.ohkay.schemas.id.UserId;
import java.util.List;

/**
 * {@code dm.message.deleted.v1}: its author deleted the message; its content is gone and its place
 * stays (a soft delete).
 */
public record DirectMessageDeleted(
    ConversationId conversationId, MessageId messageId, UserId authorId, UserId recipientId)
    implements DmEvent {

  @Override
  public List<UserId> audience() {
    return List.of(authorId, recipientId);
  }
}
