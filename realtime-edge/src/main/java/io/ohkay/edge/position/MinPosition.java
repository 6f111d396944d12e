package io.ohkay.edge.position;

import io.ohkay.schemas.id.Ids;
import java.util.UUID;

/**
 * A write position a client wants to read: the aggregate's {@code seq} after its write, as the
 * command API returns it in {@code X-Ohkay-Position} ({@code <aggregateId>:<seq>}).
 */
public record MinPosition(UUID aggregateId, long seq) {

  public MinPosition {
    if (seq < 1) {
      throw new IllegalArgumentException("seq starts at 1: " + seq);
    }
  }

  /** Parses {@code <aggregateId>:<seq>}; throws {@link IllegalArgumentException} otherwise. */
  public static MinPosition parse(String text) {
    var colon = text.lastIndexOf(':');
    if (colon < 0) {
      throw new IllegalArgumentException("expected <aggregateId>:<seq>: " + text);
    }
    var aggregateId = Ids.parseUuid(text.substring(0, colon).trim());
    var seq = text.substring(colon + 1).trim();
    if (seq.isEmpty() || seq.length() > 19 || !seq.chars().allMatch(Character::isDigit)) {
      throw new IllegalArgumentException("seq is not a positive number: " + seq);
    }
    return new MinPosition(aggregateId, Long.parseLong(seq));
  }

  @Override
  public String toString() {
    return aggregateId + ":" + seq;
  }
}
