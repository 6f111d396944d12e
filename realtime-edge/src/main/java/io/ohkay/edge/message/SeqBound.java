package io.ohkay.edge.message;

/** A page cursor resolved to the server's {@code seq}, the order of a channel's messages. */
sealed interface SeqBound {

  /** No bound: the newest messages. */
  record Newest() implements SeqBound {}

  /** Messages with a seq lower than {@code seq}. */
  record Below(long seq) implements SeqBound {}

  /** Messages with a seq higher than {@code seq}. */
  record Above(long seq) implements SeqBound {}

  /** Messages with a seq of {@code seq} or higher: a message and those after it. */
  record From(long seq) implements SeqBound {}
}
