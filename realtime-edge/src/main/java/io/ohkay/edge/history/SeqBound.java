package io.ohkay.edge.history;

import java.util.UUID;

/**
 * A page cursor as a bound on {@code seq}, the order of a history's messages: a known seq, or a
 * message whose seq the page's own statement looks up (one round trip, not two).
 */
sealed interface SeqBound {

  /** No bound: the newest messages. */
  record Newest() implements SeqBound {}

  /** Messages with a seq lower than {@code seq}. */
  record Below(long seq) implements SeqBound {}

  /** Messages with a seq of {@code seq} or higher: a message and those after it. */
  record From(long seq) implements SeqBound {}

  /** Messages with a seq lower than that of the history's message {@code messageId}. */
  record BelowMessage(UUID messageId) implements SeqBound {}

  /** Messages with a seq higher than that of the history's message {@code messageId}. */
  record AboveMessage(UUID messageId) implements SeqBound {}
}
