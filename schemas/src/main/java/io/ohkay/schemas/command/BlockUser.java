package io.ohkay.schemas.command;

import io.ohkay.schemas.id.ConversationId;
import io.ohkay.schemas.id.UserId;

/**
 * {@code dm.block.v1}: the actor blocks {@code userId}; {@code conversationId} is {@link
 * ConversationId#between} the two, whether or not they ever talked.
 */
public record BlockUser(ConversationId conversationId, UserId userId) implements DmCommand {}
