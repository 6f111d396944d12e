package io.ohkay.command.decider;

import io.ohkay.command.decider.DeciderProcessor.SentFollowUp;
import io.ohkay.schemas.event.Event;
import io.ohkay.schemas.outcome.CommandOutcome;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * All that deciding one command does, worked out before any of it is done: a decision that fails
 * half-way (a decider bug, a payload it cannot handle) then leaves nothing behind but the
 * dead-lettered command.
 *
 * @param writes state-store entries to put, in order
 * @param events the numbered facts to publish
 * @param followUps the commands to append to the topics that decide them
 * @param outcome the answer; null for a hand-over, remembered as its follow-ups instead
 * @param kept the aggregate's state as written under its own key among {@code writes}, decoded
 *     (null when that key is not written): the next command on the aggregate need not decode it
 */
record Effects<S>(
    List<Map.Entry<String, byte[]>> writes,
    List<Event> events,
    List<SentFollowUp> followUps,
    @Nullable CommandOutcome outcome,
    @Nullable Stored<S> kept) {

  Effects {
    writes = List.copyOf(writes);
    events = List.copyOf(events);
    followUps = List.copyOf(followUps);
  }
}
