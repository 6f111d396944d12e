package io.ohkay.bench.report;

/**
 * How a history run was configured.
 *
 * @param messages messages in the one channel read
 * @param pageSize messages per page ({@code limit})
 * @param samples pages read per target while measured
 * @param warmupSamples pages read per target before measuring
 * @param p99TargetMillis the target for the system's p99
 */
public record HistorySettings(
    int messages, int pageSize, int samples, int warmupSamples, double p99TargetMillis) {}
