package io.ohkay.schemas.command;

import io.ohkay.schemas.id.ChannelId;
import io.ohkay.schemas.id.MessageId;
import io.ohkay.schemas.id.ServerId;
import java.util.Objects;

/** {@code message.delete.v1}: the author, or a member with MANAGE_MESSAGES, deletes a message. */
public record DeleteMessage(ServerId serverId, ChannelId channelId, MessageId messageId)
    implements ServerCommand {

  public DeleteMessage {
    Objects.requireNonNull(serverId, "serverId");
    Objects.requireNonNull(channelId, "channelId");
    Objects.requireNonNull(messageId, "messageId");
  }
}
