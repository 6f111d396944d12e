package io.ohkay.edge.stream;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A position in the events topics as a compact token, the SSE {@code id} of every event: a vector
 * of (topic, partition, next offset) entries, e.g. {@code 1.s0-42.s3-7.a1-5}. {@code 1} is the
 * format version, {@code s} the server events topic, {@code a} the account events topic, {@code d}
 * the direct-message events topic. An event carries the position just after it; {@code ready}
 * carries every partition's position when the connection went live. Text rather than base64 so it
 * stays legible in logs and safe in headers.
 */
record StreamCursor(List<Position> positions) {

  private static final String VERSION = "1";
  private static final Pattern ENTRY = Pattern.compile("([a-z])(\\d{1,9})-(\\d{1,19})");

  /**
   * One partition's position.
   *
   * @param topic the topic's one-letter code
   * @param nextOffset the offset of the next record to read in that partition
   */
  record Position(char topic, int partition, long nextOffset) {

    static final Comparator<Position> ORDER =
        Comparator.comparing(Position::topic).thenComparingInt(Position::partition);

    Position {
      if (topic < 'a' || topic > 'z' || partition < 0 || nextOffset < 0) {
        throw new IllegalArgumentException(
            "invalid position " + topic + partition + "-" + nextOffset);
      }
    }
  }

  StreamCursor {
    var sorted = new ArrayList<>(positions);
    sorted.sort(Position.ORDER);
    positions = List.copyOf(sorted);
  }

  /** The cursor of one position. */
  static StreamCursor of(Position position) {
    return new StreamCursor(List.of(position));
  }

  /** The token. */
  String encode() {
    var token = new StringBuilder(VERSION);
    for (var position : positions) {
      token
          .append('.')
          .append(position.topic())
          .append(position.partition())
          .append('-')
          .append(position.nextOffset());
    }
    return token.toString();
  }

  /** Reads a token; {@link IllegalArgumentException} for anything {@link #encode()} never wrote. */
  static StreamCursor decode(String token) {
    var parts = token.split("\\.", -1);
    if (!parts[0].equals(VERSION)) {
      throw new IllegalArgumentException("unknown cursor version: " + token);
    }
    var positions = new ArrayList<Position>();
    for (int i = 1; i < parts.length; i++) {
      var entry = ENTRY.matcher(parts[i]);
      if (!entry.matches()) {
        throw new IllegalArgumentException("malformed cursor entry: " + parts[i]);
      }
      positions.add(
          new Position(
              entry.group(1).charAt(0),
              Integer.parseInt(entry.group(2)),
              Long.parseLong(entry.group(3))));
    }
    return new StreamCursor(positions);
  }

  @Override
  public String toString() {
    return encode();
  }
}
