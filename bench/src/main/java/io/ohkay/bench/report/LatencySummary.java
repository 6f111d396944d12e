package io.ohkay.bench.report;

import org.HdrHistogram.Histogram;

/**
 * Percentiles of one latency distribution, in milliseconds.
 *
 * @param count how many values were recorded
 * @param p50Millis median
 * @param p90Millis 90th percentile
 * @param p99Millis 99th percentile
 * @param p999Millis 99.9th percentile
 * @param maxMillis largest value
 */
public record LatencySummary(
    long count,
    double p50Millis,
    double p90Millis,
    double p99Millis,
    double p999Millis,
    double maxMillis) {

  private static final double MICROS_PER_MILLI = 1_000.0;

  /** Summarizes a histogram whose values are microseconds. */
  public static LatencySummary ofMicros(Histogram micros) {
    return new LatencySummary(
        micros.getTotalCount(),
        percentile(micros, 50.0),
        percentile(micros, 90.0),
        percentile(micros, 99.0),
        percentile(micros, 99.9),
        micros.getTotalCount() == 0 ? 0.0 : micros.getMaxValue() / MICROS_PER_MILLI);
  }

  private static double percentile(Histogram micros, double percentile) {
    return micros.getValueAtPercentile(percentile) / MICROS_PER_MILLI;
  }
}
