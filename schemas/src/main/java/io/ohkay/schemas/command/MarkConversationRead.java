package io.ohkay.schemas.command;

import io.ohkay.schemas.id.ConversationId;

/** {@code dm.mark-read.v1}: the actor has read the conversation up to now. */
public record MarkConversationRead(ConversationId conversationId) implements DmCommand {}
