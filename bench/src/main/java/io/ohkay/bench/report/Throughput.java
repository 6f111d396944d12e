package io.ohkay.bench.report;

/**
 * How fast one writer stored the measured messages.
 *
 * @param target {@code system} or {@code baseline}
 * @param messages messages written while measured
 * @param batches batches they came in, one transaction per database each
 * @param seconds wall-clock time of the measured batches, summed over the rounds
 * @param messagesPerSecond {@code messages / seconds}
 * @param batchLatency time to write one whole batch
 * @param rowsStored message rows counted in the writer's databases at the end (warm-up included)
 */
public record Throughput(
    String target,
    long messages,
    long batches,
    double seconds,
    double messagesPerSecond,
    LatencySummary batchLatency,
    long rowsStored) {

  private static final double NANOS_PER_SECOND = 1e9;

  /** The throughput of {@code messages} written in {@code nanos} nanoseconds. */
  public static Throughput of(
      String target,
      long messages,
      long batches,
      long nanos,
      LatencySummary batchLatency,
      long rowsStored) {
    double seconds = nanos / NANOS_PER_SECOND;
    return new Throughput(
        target,
        messages,
        batches,
        seconds,
        seconds > 0 ? messages / seconds : 0.0,
        batchLatency,
        rowsStored);
  }
}
