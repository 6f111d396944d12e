package io.ohkay.schemas.outcome;

import io.ohkay.schemas.error.ErrorCode;
import io.ohkay.schemas.event.Event;
import io.ohkay.schemas.id.CommandId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The decider's answer to one command, on {@code ohkay.command-outcomes} keyed by command id.
 * Exactly one outcome is written per command, in the same Kafka transaction as its events.
 *
 * @param aggregateId the aggregate that decided (user id for a registration, server id...)
 * @param seq the aggregate's last seq after the decision: the position a reader waits for
 * @param events the events decided, empty when rejected
 */
public record CommandOutcome(
    CommandId commandId,
    Status status,
    @Nullable ErrorCode code,
    @Nullable String detail,
    String aggregateId,
    long seq,
    List<Event> events,
    Instant decidedAt) {

  /** Whether the command became facts. */
  public enum Status {
    ACCEPTED,
    REJECTED
  }

  public CommandOutcome {
    Objects.requireNonNull(commandId, "commandId");
    Objects.requireNonNull(status, "status");
    events = List.copyOf(events);
    if (status == Status.REJECTED && code == null) {
      throw new IllegalArgumentException("a rejection has a code");
    }
  }

  public static CommandOutcome accepted(
      CommandId commandId, String aggregateId, long seq, List<Event> events, Instant decidedAt) {
    return new CommandOutcome(
        commandId, Status.ACCEPTED, null, null, aggregateId, seq, events, decidedAt);
  }

  public static CommandOutcome rejected(
      CommandId commandId,
      String aggregateId,
      long seq,
      ErrorCode code,
      String detail,
      Instant decidedAt) {
    return new CommandOutcome(
        commandId, Status.REJECTED, code, detail, aggregateId, seq, List.of(), decidedAt);
  }

  /** The read-your-writes position of this outcome: {@code <aggregateId>:<seq>}. */
  public String position() {
    return aggregateId + ":" + seq;
  }
}
