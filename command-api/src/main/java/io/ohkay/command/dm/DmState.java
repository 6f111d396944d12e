package io.ohkay.command.dm;

import io.ohkay.schemas.id.MessageId;
import io.ohkay.schemas.id.UserId;
import java.util.HashSet;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What a conversation must know to decide: its pair once known (opened, or named by a block),
 * whether it was opened, which of the two block the other, and {@code message}, the one message a
 * command is about: a part stored apart from the state and never in it (see {@link
 * DmDecider#partKey}), so the state never grows with the conversation's history.
 */
record DmState(
    Set<UserId> participants, boolean opened, Set<UserId> blockers, @Nullable Message message) {

  static final DmState NONE = new DmState(Set.of(), false, Set.of(), null);

  DmState {
    participants = Set.copyOf(participants);
    blockers = Set.copyOf(blockers);
  }

  /** The facts about one message its deletion is decided on. */
  record Message(MessageId id, UserId authorId, boolean deleted) {}

  /** Whether {@code user} takes part in this conversation, and it was opened. */
  boolean admits(UserId user) {
    return opened && participants.contains(user);
  }

  /** Whether either participant blocks the other. */
  boolean blocked() {
    return !blockers.isEmpty();
  }

  /** The participant other than {@code user}, who is one of them. */
  UserId otherThan(UserId user) {
    return participants.stream()
        .filter(participant -> !participant.equals(user))
        .findFirst()
        .orElseThrow(() -> new IllegalStateException(user + " has no one to talk to here"));
  }

  DmState openedBetween(UserId initiator, UserId recipient) {
    return new DmState(Set.of(initiator, recipient), true, blockers, message);
  }

  DmState withBlock(UserId blocker, UserId blocked, boolean blocking) {
    var next = new HashSet<>(blockers);
    if (blocking) {
      next.add(blocker);
    } else {
      next.remove(blocker);
    }
    return new DmState(Set.of(blocker, blocked), opened, next, message);
  }

  DmState withMessage(@Nullable Message part) {
    return new DmState(participants, opened, blockers, part);
  }
}
