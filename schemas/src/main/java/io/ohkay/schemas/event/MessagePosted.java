package io.ohkay.schemas.event;

import io.ohkay.schemas.id.ChannelId;
import io.ohkay.schemas.id.MessageId;
import io.ohkay.schemas.id.ServerId;
import io.ohkay.schemas.id.UserId;

/** {@code message.posted.v1}: a member posted {@code content} in a channel. */
public record MessagePosted(
    ServerId serverId, ChannelId channelId, MessageId messageId, UserId authorId, String content)
    implements ServerEvent {}
