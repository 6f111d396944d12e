package io.ohkay.schemas.outcome;

import io.ohkay.schemas.id.Ids;
import java.util.UUID;

/**
 * The position of a write: its aggregate's {@code seq} after it. Every write answers it in {@code
 * X-Ohkay-Position} as {@code <aggregateId>:<seq>} ({@link CommandOutcome#position()}); a client
 * sends it back in {@code X-Ohkay-Min-Position} to read its own write.
 */
public record Position(UUID aggregateId, long seq) {

  public Position {
    if (seq < 1) {
      throw new IllegalArgumentException("seq starts at 1: " + seq);
    }
  }

  /** Parses {@code <aggregateId>:<seq>}; throws {@link IllegalArgumentException} otherwise. */
  public static Position parse(String text) {
    var colon = text.lastIndexOf(':');
    if (colon < 0) {
      throw new IllegalArgumentException("expected <aggregateId>:<seq>: " + text);
    }
    var aggregateId = Ids.parseUuid(text.substring(0, colon).trim());
    var seq = text.substring(colon + 1).trim();
    if (seq.isEmpty() || seq.length() > 19 || !seq.chars().allMatch(Character::isDigit)) {
      throw new IllegalArgumentException("seq is not a positive number: " + seq);
    }
    return new Position(aggregateId, Long.parseLong(seq));
  }

  @Override
  public String toString() {
    return aggregateId + ":" + seq;
  }
}
