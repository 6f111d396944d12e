package io.ohkay.schemas.command;

import io.ohkay.schemas.id.ConversationId;
import io.ohkay.schemas.id.UserId;
import java.util.Objects;

/** {@code dm.unblock.v1}: the actor lifts their block of {@code userId}. */
public record UnblockUser(ConversationId conversationId, UserId userId) implements DmCommand {

  public UnblockUser {
    Objects.requireNonNull(conversationId, "conversationId");
    Objects.requireNonNull(userId, "userId");
  }
}
