package io.ohkay.bench.report;

/**
 * The pages one reader fetched while measured.
 *
 * @param target {@code system} or {@code baseline}
 * @param latency request sent to the whole page read, one page at a time
 * @param wrongPages pages that were not the expected {@code pageSize} messages just older than the
 *     cursor (or failed): must be 0
 */
public record PageReads(String target, LatencySummary latency, long wrongPages) {}
