package io.ohkay.schemas.command;

import io.ohkay.schemas.id.ConversationId;
import io.ohkay.schemas.id.MessageId;
import java.util.Objects;

/**
 * {@code dm.message.send.v1}: the actor sends {@code content} to the other participant. {@code
 * recipientOffline} is what the command API knew when it sent the command: the recipient had no
 * live stream, so the message also raises a notification. It is part of the command, not looked up
 * by the decider or the projector, so replaying the log gives the same notifications.
 */
public record SendDirectMessage(
    ConversationId conversationId, MessageId messageId, String content, boolean recipientOffline)
    implements DmCommand {

  public SendDirectMessage {
    Objects.requireNonNull(conversationId, "conversationId");
    Objects.requireNonNull(messageId, "messageId");
    Objects.requireNonNull(content, "content");
  }
}
