package io.ohkay.schemas.event;

import io.ohkay.schemas.id.ConversationId;
import io.ohkay.schemas.id.UserId;
import java.util.List;

/**
 * {@code dm.user.blocked.v1}: {@code blockerId} blocked {@code blockedId}; neither can open the
 * conversation or send in it until it is lifted. Only the blocker sees it.
 */
public record UserBlocked(ConversationId conversationId, UserId blockerId, UserId blockedId)
    implements DmEvent {

  @Override
  public List<UserId> audience() {
    return List.of(blockerId);
  }
}
