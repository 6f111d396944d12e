package io.ohkay.bench.report;

/**
 * The physical floor of a sign-in: one bare password verification (the platform's own hasher, same
 * parameters) on this machine, alone and on every core.
 *
 * @param parameters the hash's algorithm and cost as its PHC string states them, e.g. {@code
 *     argon2id v=19 m=19456,t=2,p=1}
 * @param singleThread latency of one verification, verifications run one after the other
 * @param threads threads verifying at once for the rate (one per available processor)
 * @param seconds how long they verified
 * @param verifications how many verifications they completed
 * @param perSecond {@code verifications / seconds}: no sign-in rate can exceed it on this machine
 */
public record HashFloor(
    String parameters,
    LatencySummary singleThread,
    int threads,
    double seconds,
    long verifications,
    double perSecond) {}
