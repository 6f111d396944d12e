package io.ohkay.edge.kafka;

/**
 * A position in one partition of an events topic.
 *
 * @param nextOffset the offset of the next record to read (Kafka's "position")
 */
public record FeedPosition(String topic, int partition, long nextOffset) {}
