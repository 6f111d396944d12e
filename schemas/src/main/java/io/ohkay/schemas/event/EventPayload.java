package io.ohkay.schemas.event;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.UUID;

/** The fact itself, without its envelope; its type string is {@link EventTypes#typeOf}. */
public sealed interface EventPayload permits UserEvent, ServerEvent, DmEvent {

  /** The aggregate the fact belongs to: the envelope's {@code aggregateId} and record key. */
  @JsonIgnore
  UUID aggregateId();
}
