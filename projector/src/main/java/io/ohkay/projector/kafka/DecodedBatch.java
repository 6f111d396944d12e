package io.ohkay.projector.kafka;

import io.ohkay.projector.apply.SourcedEvent;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;

/**
 * One poll, decoded.
 *
 * @param events the decodable events, in topic order
 * @param undecodable the records that can never be processed
 * @param firstOffsets per partition, the first offset of the poll (where a retry starts again)
 */
public record DecodedBatch(
    List<SourcedEvent> events,
    List<Undecodable> undecodable,
    Map<TopicPartition, Long> firstOffsets) {}
