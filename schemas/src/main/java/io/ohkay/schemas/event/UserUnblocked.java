package io.ohkay.schemas.event;

import io.ohkay.schemas.id.ConversationId;
import io.ohkay.schemas.id.UserId;
import java.util.List;

/** {@code dm.user.unblocked.v1}: {@code blockerId} lifted their block. Only they see it. */
public record UserUnblocked(ConversationId conversationId, UserId blockerId, UserId blockedId)
    implements DmEvent {

  @Override
  public List<UserId> audience() {
    return List.of(blockerId);
  }
}
