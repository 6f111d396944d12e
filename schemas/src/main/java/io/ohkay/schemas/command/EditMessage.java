package io.ohkay.schemas.command;

import io.ohkay.schemas.id.ChannelId;
import io.ohkay.schemas.id.MessageId;
import io.ohkay.schemas.id.ServerId;

/** {@code message.edit.v1}: the author replaces a message's content. */
public record EditMessage(
    ServerId serverId, ChannelId channelId, MessageId messageId, String content)
    implements ServerCommand {}
