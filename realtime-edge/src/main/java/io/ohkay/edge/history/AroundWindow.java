package io.ohkay.edge.history;

/**
 * How a page of {@code limit} messages around one message splits: up to {@code limit / 2} older,
 * the message itself, and the rest newer; a side with fewer messages leaves its share unused.
 *
 * @param older messages at most before the cursor's message
 * @param newer messages at most after it
 */
record AroundWindow(int older, int newer) {

  static AroundWindow of(int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be at least 1: " + limit);
    }
    var older = limit / 2;
    return new AroundWindow(older, limit - 1 - older);
  }
}
