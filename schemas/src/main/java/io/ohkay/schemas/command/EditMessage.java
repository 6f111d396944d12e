package io.ohkay.schemas.command;

import io.ohkay.schemas.id.ChannelId;
import io.ohkay.schemas.id.MessageId;
import io.ohkay.schemas.id.ServerId;
import java.util.Objects;

/** {@code message.edit.v1}: the author replaces a message's content. */
public record EditMessage(
    ServerId serverId, ChannelId channelId, MessageId messageId, String content)
    implements ServerCommand {

  public EditMessage {
    Objects.requireNonNull(serverId, "serverId");
    Objects.requireNonNull(channelId, "channelId");
    Objects.requireNonNull(messageId, "messageId");
    Objects.requireNonNull(content, "content");
  }
}
