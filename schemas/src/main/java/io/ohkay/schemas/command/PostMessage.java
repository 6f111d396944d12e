package io.ohkay.schemas.command;

import io.ohkay.schemas.id.ChannelId;
import io.ohkay.schemas.id.MessageId;
import io.ohkay.schemas.id.ServerId;
import java.util.Objects;

/** {@code message.post.v1}: the actor posts {@code content} in a channel of a server. */
public record PostMessage(
    ServerId serverId, ChannelId channelId, MessageId messageId, String content)
    implements ServerCommand {

  public PostMessage {
    Objects.requireNonNull(serverId, "serverId");
    Objects.requireNonNull(channelId, "channelId");
    Objects.requireNonNull(messageId, "messageId");
    Objects.requireNonNull(content, "content");
  }
}
