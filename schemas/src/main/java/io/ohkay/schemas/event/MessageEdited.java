package io.ohkay.schemas.event;

import io.ohkay.schemas.id.ChannelId;
import io.ohkay.schemas.id.MessageId;
import io.ohkay.schemas.id.ServerId;

/** {@code message.edited.v1}: the author replaced the message's content; edited at occurredAt. */
public record MessageEdited(
    ServerId serverId, ChannelId channelId, MessageId messageId, String content)
    implements ServerEvent {}
