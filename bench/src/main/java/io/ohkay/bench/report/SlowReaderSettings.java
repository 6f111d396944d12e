package io.ohkay.bench.report;

/**
 * How a slow-reader run was configured.
 *
 * @param subscribers the reading subscribers measured
 * @param rate messages per second in the three halves of the trial (without, with, without)
 * @param messages messages each half sends at least (its window grows to send them)
 * @param minSeconds sending window of each half, at least
 * @param slowReaders connections that read nothing in the second half
 * @param prefillMessages large messages posted between the halves, once the slow readers are
 *     connected, so their kernel buffers are full when the second half starts
 * @param prefillChars characters of each of those messages
 * @param warmupSeconds unmeasured sending at the rate before the first half
 * @param drainSeconds how long after a half's last send its deliveries may still arrive
 * @param p99ThresholdMillis a half is held when nothing is lost and its p99 is within this
 * @param ratioTarget the target for the readers' p99 with the slow readers over without
 */
public record SlowReaderSettings(
    int subscribers,
    int rate,
    int messages,
    int minSeconds,
    int slowReaders,
    int prefillMessages,
    int prefillChars,
    int warmupSeconds,
    int drainSeconds,
    double p99ThresholdMillis,
    double ratioTarget) {

  /** The sending window of each half. */
  public int seconds() {
    return Math.max(minSeconds, (messages + rate - 1) / rate);
  }

  /** The rule that decides whether a half holds its rate. */
  public HeldRateRule rule() {
    return new HeldRateRule(p99ThresholdMillis);
  }
}
