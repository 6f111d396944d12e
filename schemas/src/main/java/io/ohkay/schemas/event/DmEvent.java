package io.ohkay.schemas.event;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.ohkay.schemas.id.ConversationId;
import io.ohkay.schemas.id.UserId;
import java.util.List;
import java.util.UUID;

/** Facts about one direct-message conversation, on {@code ohkay.dm.events} keyed by it. */
public sealed interface DmEvent extends EventPayload
    permits ConversationOpened,
        DirectMessageSent,
        DirectMessageDeleted,
        ConversationRead,
        UserBlocked,
        UserUnblocked {

  /** The conversation the fact belongs to; equal to the envelope's aggregate id. */
  ConversationId conversationId();

  /** The users who may see the fact, named by the fact itself so no reader needs state for it. */
  @JsonIgnore
  List<UserId> audience();

  @Override
  @JsonIgnore
  default UUID aggregateId() {
    return conversationId().value();
  }
}
