package io.ohkay.bench.report;

/**
 * How a projector run was configured.
 *
 * @param servers servers the messages are spread over, round robin; one database each
 * @param batchSize events handed to the applier at once, as one poll of the live consumer
 * @param messages messages measured per target
 * @param warmupMessages messages written per target before measuring
 * @param rounds measured rounds; the targets alternate which goes first
 * @param minRatio the target for system / baseline messages per second
 */
public record ProjectorSettings(
    int servers, int batchSize, int messages, int warmupMessages, int rounds, double minRatio) {}
