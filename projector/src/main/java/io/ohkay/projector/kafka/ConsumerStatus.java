package io.ohkay.projector.kafka;

import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What one projector consumer is doing, for health and metrics.
 *
 * @param name {@code auth}, {@code server} or {@code dm}
 * @param topic the events topic it reads
 * @param running whether its thread is alive
 * @param failing whether the last attempt failed and is being retried
 * @param appliedRecords records applied (or dead-lettered) since start
 * @param deadLettered records sent to the dead-letter topic since start
 * @param lag records between the positions and the end of the assigned partitions, null while
 *     unknown
 * @param positions per partition, the next offset to apply
 * @param lastError the last failure, kept after recovery; null when none
 * @param lastErrorAt when it happened
 */
public record ConsumerStatus(
    String name,
    String topic,
    boolean running,
    boolean failing,
    long appliedRecords,
    long deadLettered,
    @Nullable Long lag,
    Map<Integer, Long> positions,
    @Nullable String lastError,
    @Nullable Instant lastErrorAt) {}
