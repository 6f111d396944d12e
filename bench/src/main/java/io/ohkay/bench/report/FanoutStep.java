package io.ohkay.bench.report;

import org.jspecify.annotations.Nullable;

/**
 * What one target did at one message rate with a number of subscribers.
 *
 * @param target the target's name
 * @param subscribers streams open and measured
 * @param offeredRate messages per second posted on the fixed schedule
 * @param durationSeconds length of the sending window
 * @param sent messages posted
 * @param expected deliveries due: {@code sent × subscribers}
 * @param delivered distinct (subscriber, message) arrivals before the drain deadline
 * @param lost {@code expected - delivered}
 * @param postErrors posts that failed or were answered with a non-2xx status
 * @param latency scheduled send time to arrival, over every delivery
 * @param spread arrival minus the message's first arrival at any subscriber, over every delivery:
 *     how long the target took to fan one message out, the write path left out
 * @param postResponse scheduled send time to the POST response
 * @param sendLag scheduled send time to the moment the harness fired the post: when high, the load
 *     generator itself could not keep the schedule
 * @param cutOff subscribers whose stream the target ended during the step ({@code overflow}, or
 *     closed): reconnected before the next step
 * @param bytesPerDelivery bytes the subscribers received during the step, per delivery (event size
 *     on the wire, framing and any other events included)
 * @param loadAverage the machine's 1-minute load average at the end of the step
 * @param othersCpu the share of all cores (0 to 1) used during the step by processes outside the
 *     bench's (other people's builds and tests): above a few percent, the step measured the machine
 *     as much as the target; NaN when unknown
 * @param held whether the step met the {@link HeldRateRule}
 * @param firstError the first post failure, for diagnosis
 */
public record FanoutStep(
    String target,
    int subscribers,
    int offeredRate,
    int durationSeconds,
    long sent,
    long expected,
    long delivered,
    long lost,
    long postErrors,
    LatencySummary latency,
    LatencySummary spread,
    LatencySummary postResponse,
    LatencySummary sendLag,
    int cutOff,
    double bytesPerDelivery,
    double loadAverage,
    double othersCpu,
    boolean held,
    @Nullable String firstError)
    implements RateStep {

  /** Deliveries per second offered: the message rate times the subscribers. */
  public long deliveriesPerSecond() {
    return (long) offeredRate * subscribers;
  }
}
