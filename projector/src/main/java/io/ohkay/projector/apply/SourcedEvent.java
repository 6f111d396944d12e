package io.ohkay.projector.apply;

import io.ohkay.schemas.event.Event;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;

/**
 * An event with the record it was read from.
 *
 * @param partition the topic partition of the record
 * @param offset the record's offset
 * @param event the decoded event
 */
public record SourcedEvent(TopicPartition partition, long offset, Event event) {

  /**
   * Per partition, the position after the last of {@code events}: what a database written with only
   * these events stores.
   */
  static Map<TopicPartition, Long> nextOffsets(List<SourcedEvent> events) {
    var next = new LinkedHashMap<TopicPartition, Long>();
    events.forEach(e -> next.merge(e.partition(), e.offset() + 1, Math::max));
    return next;
  }
}
