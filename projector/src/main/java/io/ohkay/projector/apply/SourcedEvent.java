package io.ohkay.projector.apply;

import io.ohkay.schemas.event.Event;
import org.apache.kafka.common.TopicPartition;

/**
 * An event with the record it was read from.
 *
 * @param partition the topic partition of the record
 * @param offset the record's offset
 * @param event the decoded event
 */
public record SourcedEvent(TopicPartition partition, long offset, Event event) {}
