package io.ohkay.schemas.command;

import io.ohkay.schemas.id.ConversationId;
import io.ohkay.schemas.id.UserId;
import java.util.Objects;

/**
 * {@code dm.block.v1}: the actor blocks {@code userId}; {@code conversationId} is {@link
 * ConversationId#between} the two, whether or not they ever talked.
 */
public record BlockUser(ConversationId conversationId, UserId userId) implements DmCommand {

  public BlockUser {
    Objects.requireNonNull(conversationId, "conversationId");
    Objects.requireNonNull(userId, "userId");
  }
}
