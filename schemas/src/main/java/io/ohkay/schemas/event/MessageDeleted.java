package io.ohkay.schemas.event;

import io.ohkay.schemas.id.ChannelId;
import io.ohkay.schemas.id.MessageId;
import io.ohkay.schemas.id.ServerId;

/**
 * {@code message.deleted.v1}: the message's content is gone (a soft delete: its place in history
 * stays). By its author, or by the envelope's actor holding MANAGE_MESSAGES.
 */
public record MessageDeleted(ServerId serverId, ChannelId channelId, MessageId messageId)
    implements ServerEvent {}
