package io.ohkay.schemas.command;

import io.ohkay.schemas.id.ChannelId;
import io.ohkay.schemas.id.MessageId;
import io.ohkay.schemas.id.ServerId;

/** {@code message.delete.v1}: the author, or a member with MANAGE_MESSAGES, deletes a message. */
public record DeleteMessage(ServerId serverId, ChannelId channelId, MessageId messageId)
    implements ServerCommand {}
