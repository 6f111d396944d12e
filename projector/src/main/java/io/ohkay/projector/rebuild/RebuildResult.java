package io.ohkay.projector.rebuild;

import java.time.Duration;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;

/**
 * What a rebuild did.
 *
 * @param targetDatabase the database filled
 * @param records records replayed
 * @param undecodable records skipped because they cannot be decoded (the live projector
 *     dead-lettered them)
 * @param stoppedAt per partition, the offset the replay stopped at
 * @param took how long it took
 */
public record RebuildResult(
    String targetDatabase,
    long records,
    long undecodable,
    Map<TopicPartition, Long> stoppedAt,
    Duration took) {}
