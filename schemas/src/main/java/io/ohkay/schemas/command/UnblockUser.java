package io.ohkay.schemas.command;

import io.ohkay.schemas.id.ConversationId;
import io.ohkay.schemas.id.UserId;

/** {@code dm.unblock.v1}: the actor lifts their block of {@code userId}. */
public record UnblockUser(ConversationId conversationId, UserId userId) implements DmCommand {}
