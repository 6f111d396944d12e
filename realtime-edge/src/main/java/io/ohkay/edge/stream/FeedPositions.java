package io.ohkay.edge.stream;

import io.ohkay.edge.kafka.FeedPosition;
import io.ohkay.edge.kafka.FeedRecord;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.codec.ServerSentEvent;

/**
 * How far the feed has read each partition of the streamed topics, and the cursors that name a
 * place in it. Not thread-safe: the hub's lock guards it.
 */
final class FeedPositions {

  /** A partition of a streamed topic, by the code a cursor gives its topic. */
  record PartitionKey(char topic, int partition) {}

  private final Map<String, Character> topicCodes;
  private final Map<PartitionKey, Long> positions = new HashMap<>();

  FeedPositions(StreamTopics topics) {
    this.topicCodes = Map.of(topics.servers(), 's', topics.accounts(), 'a', topics.dms(), 'd');
  }

  /** Every partition's position, as far as the feed has read. */
  StreamCursor cursor() {
    var all = new ArrayList<StreamCursor.Position>();
    positions.forEach((key, offset) -> all.add(position(key, offset)));
    return new StreamCursor(all);
  }

  /** Moves the partition of {@code next} to it; null when its topic is not streamed. */
  @Nullable PartitionKey advance(FeedPosition next) {
    var code = topicCodes.get(next.topic());
    if (code == null) {
      return null;
    }
    var key = new PartitionKey(code, next.partition());
    positions.put(key, next.nextOffset());
    return key;
  }

  /** The event streamed for {@code record}, its id the cursor just after it. */
  static ServerSentEvent<String> event(PartitionKey key, FeedRecord record) {
    return event(key, record, record.json());
  }

  /** The event streamed for {@code record} with {@code data}, its id the cursor just after it. */
  static ServerSentEvent<String> event(PartitionKey key, FeedRecord record, String data) {
    return ServerSentEvent.<String>builder()
        .id(cursorAfter(key, record))
        .event(record.type())
        .data(data)
        .build();
  }

  static String cursorAfter(PartitionKey key, FeedRecord record) {
    return StreamCursor.of(position(key, record.offset() + 1)).encode();
  }

  /** The cursor that resumes at {@code record} itself; empty when its topic is not streamed. */
  String cursorBefore(FeedRecord record) {
    var code = topicCodes.get(record.topic());
    return code == null
        ? ""
        : StreamCursor.of(new StreamCursor.Position(code, record.partition(), record.offset()))
            .encode();
  }

  private static StreamCursor.Position position(PartitionKey key, long nextOffset) {
    return new StreamCursor.Position(key.topic(), key.partition(), nextOffset);
  }
}
