package io.ohkay.command.decider;

import io.ohkay.schemas.error.ErrorCode;
import io.ohkay.schemas.event.EventPayload;
import java.util.List;

/** What a decider concluded for one command: facts to record, or a refusal with a stable code. */
public sealed interface Decision {

  /** The command becomes these facts, in order. */
  record Accept(List<EventPayload> events) implements Decision {
    public Accept {
      events = List.copyOf(events);
    }
  }

  /** The command is refused; nothing is recorded. */
  record Reject(ErrorCode code, String detail) implements Decision {}

  static Decision accept(EventPayload... events) {
    return new Accept(List.of(events));
  }

  static Decision reject(ErrorCode code, String detail) {
    return new Reject(code, detail);
  }
}
