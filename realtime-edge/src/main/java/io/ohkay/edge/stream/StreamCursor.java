package io.ohkay.edge.stream;

import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * A position in the events topics as a compact token, the SSE {@code id} of every streamed event
 * and the WebSocket frame's {@code cursor}: the cluster it belongs to and, for every partition of
 * every streamed topic, the offset of the next record to read, e.g. {@code
 * 2.Mk3OzN1x.s1a,0,2b,0,0,3.a0,0,0,5,0,0.d0,0,0,0,0,0}. {@code 2} is the format version, then the
 * first characters of the Kafka cluster id, then per topic its one-letter code ({@code s} server
 * events, {@code a} account events, {@code d} direct-message events) and its partitions' offsets in
 * partition order, in base 36. A token names every partition because a client keeps only the last
 * one it was given: resuming from it must account for the whole feed.
 *
 * <p>One record can give a client two items (a mention and its {@code notification.created}): the
 * first carries the record's own offset with {@code ~1} after it ("at this record, its first item
 * given"), so resuming there replays the second item alone. Several partitions can be marked at
 * once: a replay from a marked cursor gives the other partitions' records before it reaches the
 * marked one, and the mark must survive their items. Text rather than base64 so it stays legible in
 * logs and safe in headers and URLs.
 *
 * @param cluster the first characters of the cluster id; a token of another cluster cannot be
 *     served
 * @param positions each partition's next offset to read
 * @param marks the partitions whose next record was partly given, with how many of its items were
 */
record StreamCursor(String cluster, Map<Partition, Long> positions, Map<Partition, Integer> marks) {

  /** How many characters of the cluster id a token keeps. */
  static final int CLUSTER_CHARS = 8;

  private static final String VERSION = "2";
  private static final Pattern CLUSTER = Pattern.compile("[A-Za-z0-9_-]{1," + CLUSTER_CHARS + "}");
  private static final Pattern TOPIC = Pattern.compile("[a-z]");
  private static final Pattern OFFSET = Pattern.compile("([0-9a-z]{1,13})(?:~([1-9]))?");

  /** A partition of a streamed topic, by the code a cursor gives its topic. */
  record Partition(char topic, int partition) implements Comparable<Partition> {

    Partition {
      if (topic < 'a' || topic > 'z' || partition < 0) {
        throw new IllegalArgumentException("invalid partition " + topic + partition);
      }
    }

    @Override
    public int compareTo(Partition other) {
      var byTopic = Character.compare(topic, other.topic);
      return byTopic != 0 ? byTopic : Integer.compare(partition, other.partition);
    }
  }

  StreamCursor {
    if (!CLUSTER.matcher(cluster).matches()) {
      throw new IllegalArgumentException("invalid cluster " + cluster);
    }
    positions.forEach(
        (partition, offset) -> {
          if (offset < 0) {
            throw new IllegalArgumentException("negative offset at " + partition);
          }
        });
    positions = Map.copyOf(positions);
    for (var mark : marks.entrySet()) {
      if (mark.getValue() < 1 || mark.getValue() > 9) {
        throw new IllegalArgumentException("invalid mark " + mark);
      }
      if (!positions.containsKey(mark.getKey())) {
        throw new IllegalArgumentException("mark in an unknown partition " + mark.getKey());
      }
    }
    marks = Map.copyOf(marks);
  }

  /** The cursor of whole records: {@code positions}, nothing partly given. */
  static StreamCursor of(String cluster, Map<Partition, Long> positions) {
    return new StreamCursor(cluster, positions, Map.of());
  }

  /**
   * This cursor, moved in {@code partition} to {@code nextOffset}; partly given records elsewhere
   * stay marked.
   */
  StreamCursor with(Partition partition, long nextOffset) {
    var moved = new TreeMap<>(positions);
    moved.put(partition, nextOffset);
    if (!marks.containsKey(partition)) {
      return new StreamCursor(cluster, moved, marks);
    }
    var kept = new TreeMap<>(marks);
    kept.remove(partition);
    return new StreamCursor(cluster, moved, kept);
  }

  /**
   * This cursor at the record {@code offset} of {@code partition}, its first {@code given} items
   * given; other partitions' marks stay.
   */
  StreamCursor within(Partition partition, long offset, int given) {
    var moved = new TreeMap<>(positions);
    moved.put(partition, offset);
    var marked = new TreeMap<>(marks);
    marked.put(partition, given);
    return new StreamCursor(cluster, moved, marked);
  }

  /** How many items of the record at {@code partition}'s position were already given. */
  int skipAt(Partition partition) {
    return marks.getOrDefault(partition, 0);
  }

  /** The token. */
  String encode() {
    var token = new StringBuilder(16 + positions.size() * 4).append(VERSION).append('.');
    token.append(cluster);
    char topic = 0;
    int next = 0;
    for (var entry : new TreeMap<>(positions).entrySet()) {
      var partition = entry.getKey();
      if (partition.topic() != topic) {
        topic = partition.topic();
        next = 0;
        token.append('.').append(topic);
      }
      for (; next < partition.partition(); next++) {
        token.append(next == 0 ? "" : ",").append('_');
      }
      token.append(next == 0 ? "" : ",").append(Long.toString(entry.getValue(), 36));
      var given = marks.get(partition);
      if (given != null) {
        token.append('~').append(given);
      }
      next++;
    }
    return token.toString();
  }

  /** Reads a token; {@link IllegalArgumentException} for anything {@link #encode()} never wrote. */
  static StreamCursor decode(String token) {
    if (token.length() > 4096) {
      throw new IllegalArgumentException("cursor too long");
    }
    var parts = token.split("\\.", -1);
    if (parts.length < 2 || !parts[0].equals(VERSION)) {
      throw new IllegalArgumentException("unknown cursor version");
    }
    var positions = new TreeMap<Partition, Long>();
    var marks = new TreeMap<Partition, Integer>();
    for (int i = 2; i < parts.length; i++) {
      var part = parts[i];
      if (part.isEmpty() || !TOPIC.matcher(part.substring(0, 1)).matches()) {
        throw new IllegalArgumentException("malformed cursor topic");
      }
      var offsets = part.substring(1).split(",", -1);
      for (int p = 0; p < offsets.length; p++) {
        if (offsets[p].equals("_")) {
          continue;
        }
        var entry = OFFSET.matcher(offsets[p]);
        if (!entry.matches()) {
          throw new IllegalArgumentException("malformed cursor offset");
        }
        var partition = new Partition(part.charAt(0), p);
        if (positions.put(partition, parseOffset(entry.group(1))) != null) {
          throw new IllegalArgumentException("topic named twice");
        }
        if (entry.group(2) != null) {
          marks.put(partition, Integer.parseInt(entry.group(2)));
        }
      }
    }
    return new StreamCursor(parts[1], positions, marks);
  }

  private static long parseOffset(String digits) {
    try {
      return Long.parseLong(digits, 36);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("offset out of range", e);
    }
  }

  @Override
  public String toString() {
    return encode();
  }
}
