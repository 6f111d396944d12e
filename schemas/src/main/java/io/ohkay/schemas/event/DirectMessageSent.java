package io.ohkay.schemas.event;

import io.ohkay.schemas.id.ConversationId;
import io.ohkay.schemas.id.MessageId;
import io.ohkay.schemas.id.UserId;
import java.util.List;

/**
 * {@code dm.message.sent.v1}: a message of the conversation; its {@code seq} orders it. When {@code
 * recipientOffline}, the recipient had no live stream and is notified.
 */
public record DirectMessageSent(
    ConversationId conversationId,
    MessageId messageId,
    UserId authorId,
    UserId recipientId,
    String content,
    boolean recipientOffline)
    implements DmEvent {

  @Override
  public List<UserId> audience() {
    return List.of(authorId, recipientId);
  }
}
