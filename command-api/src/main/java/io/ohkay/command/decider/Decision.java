package io.ohkay.command.decider;

import io.ohkay.schemas.command.CommandPayload;
import io.ohkay.schemas.error.ErrorCode;
import io.ohkay.schemas.event.EventPayload;
import java.util.List;

/**
 * What a decider concluded for one command: facts to record, a refusal with a stable code, or a
 * hand-over to another aggregate of the same topic.
 */
public sealed interface Decision {

  /**
   * The command becomes these facts, in order, and is answered; {@code followUps} are appended to
   * the commands topics that decide them, in the same transaction, under ids derived from the
   * command's (consequences for other aggregates, answered by nobody). No facts: the command asks
   * for what is already so (opening an open conversation), accepted without changing anything.
   */
  record Accept(List<EventPayload> events, List<FollowUp> followUps) implements Decision {
    public Accept {
      events = List.copyOf(events);
      followUps = List.copyOf(followUps);
    }
  }

  /** The command is refused; nothing is recorded. */
  record Reject(ErrorCode code, String detail) implements Decision {}

  /**
   * Not answered here: this aggregate's state becomes {@code nextState} (no fact is published) and
   * the command travels on as {@code followUps}, under the same command id; the aggregate that
   * decides it answers. With no follow-ups, a silent bookkeeping step. A registration claims its
   * e-mail this way before the new account's aggregate records it.
   */
  record Forward(Object nextState, List<FollowUp> followUps) implements Decision {
    public Forward {
      followUps = List.copyOf(followUps);
    }
  }

  /** A command for another aggregate (of any domain), keyed by it. */
  record FollowUp(String key, CommandPayload command) {}

  static Decision accept(EventPayload... events) {
    return new Accept(List.of(events), List.of());
  }

  /** Accepted as already done: nothing is recorded. */
  static Decision unchanged() {
    return new Accept(List.of(), List.of());
  }

  static Decision reject(ErrorCode code, String detail) {
    return new Reject(code, detail);
  }
}
