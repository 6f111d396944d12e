package io.ohkay.bench.report;

import org.jspecify.annotations.Nullable;

/**
 * What one target did at one offered rate.
 *
 * @param target the target's name
 * @param offeredRate messages per second sent on the fixed schedule
 * @param durationSeconds length of the sending window
 * @param sent messages scheduled and posted
 * @param delivered distinct messages that reached the stream client before the drain deadline
 * @param lost {@code sent - delivered}
 * @param postErrors posts that failed or were answered with a non-2xx status
 * @param endToEnd scheduled send time to arrival on the stream client
 * @param postResponse scheduled send time to the POST response
 * @param sendLag scheduled send time to the moment the harness fired the post: when high, the load
 *     generator itself could not keep the schedule
 * @param loadAverage the machine's 1-minute load average at the end of the step (this process
 *     included): well above the core count, other processes competed for the CPU
 * @param held whether the step met the {@link HeldRateRule}
 * @param firstError the first post failure, for diagnosis
 */
public record StepResult(
    String target,
    int offeredRate,
    int durationSeconds,
    long sent,
    long delivered,
    long lost,
    long postErrors,
    LatencySummary endToEnd,
    LatencySummary postResponse,
    LatencySummary sendLag,
    double loadAverage,
    boolean held,
    @Nullable String firstError)
    implements RateStep {}
