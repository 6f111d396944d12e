package io.ohkay.edge.stream;

import io.ohkay.edge.kafka.FeedPosition;
import io.ohkay.edge.kafka.FeedRecord;
import io.ohkay.edge.stream.StreamCursor.Partition;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * How far the feed has read each partition of the streamed topics, and the cursors that name a
 * place in it. The cursor of a routed record is the whole feed's position just after it: every
 * connection has been given everything before it that was for it (the hub routes in feed order), so
 * resuming there loses and repeats nothing. Not thread-safe: the hub's lock guards it.
 */
final class FeedPositions {

  /** The cluster of a feed that has not told it yet. */
  static final String UNKNOWN_CLUSTER = "unknown";

  private final Map<String, Character> topicCodes;
  private final Map<Character, String> topicNames = new HashMap<>();
  private final Map<Partition, Long> positions = new HashMap<>();
  private String cluster = UNKNOWN_CLUSTER;
  private @Nullable StreamCursor cursor;

  FeedPositions(StreamTopics topics) {
    this.topicCodes = Map.of(topics.servers(), 's', topics.accounts(), 'a', topics.dms(), 'd');
    topicCodes.forEach((name, code) -> topicNames.put(code, name));
  }

  /** Names the cluster the feed reads ({@link StreamCursor#CLUSTER_CHARS} of its id). */
  void cluster(String clusterId) {
    var tag = clusterId.replaceAll("[^A-Za-z0-9_-]", "");
    tag = tag.substring(0, Math.min(StreamCursor.CLUSTER_CHARS, tag.length()));
    if (!tag.isEmpty() && !tag.equals(cluster)) {
      cluster = tag;
      cursor = null;
    }
  }

  String cluster() {
    return cluster;
  }

  /** The whole feed's position, as far as it has read. */
  StreamCursor cursor() {
    var current = cursor;
    if (current == null) {
      current = StreamCursor.of(cluster, positions);
      cursor = current;
    }
    return current;
  }

  /** The full name of the topic of {@code code}; null when none is streamed under it. */
  @Nullable String topicOf(char code) {
    return topicNames.get(code);
  }

  /** The partition of a record of {@code topic}; null when the topic is not streamed. */
  @Nullable Partition partitionOf(String topic, int partition) {
    var code = topicCodes.get(topic);
    return code == null ? null : new Partition(code, partition);
  }

  /** Moves the partition of {@code next} to it; null when its topic is not streamed. */
  @Nullable Partition advance(FeedPosition next) {
    var key = partitionOf(next.topic(), next.partition());
    if (key == null) {
      return null;
    }
    positions.put(key, next.nextOffset());
    cursor = null;
    return key;
  }

  /** The event streamed for {@code record} with its envelope as data, under {@code cursor}. */
  static StreamEvent event(String cursor, FeedRecord record) {
    return event(cursor, record, record.json());
  }

  /** The event streamed for {@code record} with {@code data}, under {@code cursor}. */
  static StreamEvent event(String cursor, FeedRecord record, String data) {
    return new StreamEvent(cursor, record.type(), data);
  }

  /** The cursor that resumes at {@code record} itself, the rest of the feed where it is now. */
  String cursorBefore(FeedRecord record) {
    var key = partitionOf(record.topic(), record.partition());
    return key == null ? cursor().encode() : cursor().with(key, record.offset()).encode();
  }
}
