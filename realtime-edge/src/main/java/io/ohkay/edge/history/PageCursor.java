package io.ohkay.edge.history;

import java.util.UUID;

/** Where a client asked a page of messages to start: a message id of the history, or the end. */
sealed interface PageCursor {

  /** The newest messages. */
  record Latest() implements PageCursor {}

  /** The messages older than {@code messageId}. */
  record Before(UUID messageId) implements PageCursor {}

  /** The messages newer than {@code messageId}. */
  record After(UUID messageId) implements PageCursor {}

  /** {@code messageId} with the messages just older and just newer (see {@link AroundWindow}). */
  record Around(UUID messageId) implements PageCursor {}
}
