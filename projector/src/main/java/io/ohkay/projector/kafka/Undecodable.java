package io.ohkay.projector.kafka;

import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * A record that cannot be processed, ever.
 *
 * @param record the record as read
 * @param cause why it cannot be decoded
 */
public record Undecodable(ConsumerRecord<byte[], byte[]> record, Exception cause) {}
