package io.ohkay.edge.stream;

import io.ohkay.edge.kafka.FeedRecord;
import io.ohkay.edge.stream.StreamCursor.Partition;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The last records the hub routed, in feed order, so a client resuming from a recent position is
 * served from memory rather than from Kafka. For each partition it knows from which offset on it
 * holds every record (the floor): the position the feed started at, then just past the last record
 * it let go. Not thread-safe: the hub's lock guards it.
 */
final class RecentFeed {

  /** A routed record and its partition. */
  record Entry(Partition partition, FeedRecord record) {}

  private final int capacity;
  private final ArrayDeque<Entry> entries = new ArrayDeque<>();
  private final Map<Partition, Long> floors = new HashMap<>();

  /**
   * @param capacity the records kept; 0 keeps none
   */
  RecentFeed(int capacity) {
    this.capacity = capacity;
  }

  /** The feed reads {@code partition} from {@code offset} on (kept if it was known already). */
  void assigned(Partition partition, long offset) {
    floors.putIfAbsent(partition, offset);
  }

  /** Keeps a routed record, letting the oldest go past the capacity. */
  void add(Partition partition, FeedRecord record) {
    floors.putIfAbsent(partition, record.offset());
    if (capacity == 0) {
      floors.put(partition, record.offset() + 1);
      return;
    }
    if (entries.size() == capacity) {
      var gone = entries.removeFirst();
      floors.put(gone.partition(), gone.record().offset() + 1);
    }
    entries.addLast(new Entry(partition, record));
  }

  /** Whether every record after {@code from} (and up to now) is held. */
  boolean covers(StreamCursor from) {
    for (var position : from.positions().entrySet()) {
      var floor = floors.get(position.getKey());
      if (floor == null || position.getValue() < floor) {
        return false;
      }
    }
    return true;
  }

  /** The held records at or after {@code from}'s positions, in feed order. */
  List<Entry> after(StreamCursor from) {
    var after = new ArrayList<Entry>();
    for (var entry : entries) {
      var position = from.positions().get(entry.partition());
      if (position != null && entry.record().offset() >= position) {
        after.add(entry);
      }
    }
    return after;
  }
}
