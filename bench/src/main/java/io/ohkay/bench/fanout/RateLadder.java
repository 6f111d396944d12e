package io.ohkay.bench.fanout;

import java.util.OptionalInt;

/**
 * The message rates one ladder tries: doubling from the first until a step is not held, then
 * narrowing the limit down geometrically between the highest rate held and the lowest not held,
 * {@code refineSteps} more times. Doubling finds a limit in a few steps whatever it is; the
 * refinement brings the resolution from 2× to 2^(1/2^refineSteps)× (1.19× after two).
 */
final class RateLadder {

  private final int maxRate;
  private int refineLeft;
  private int highestHeld;
  private int lowestFailed;

  RateLadder(int maxRate, int refineSteps) {
    if (maxRate < 1 || refineSteps < 0) {
      throw new IllegalArgumentException("maxRate must be >= 1 and refineSteps >= 0");
    }
    this.maxRate = maxRate;
    this.refineLeft = refineSteps;
  }

  /** The rate to try after {@code rate} was (or was not) held; empty when the ladder is done. */
  OptionalInt next(int rate, boolean held) {
    if (held) {
      highestHeld = Math.max(highestHeld, rate);
    } else {
      lowestFailed = lowestFailed == 0 ? rate : Math.min(lowestFailed, rate);
    }
    if (lowestFailed == 0) {
      return rate >= maxRate ? OptionalInt.empty() : OptionalInt.of(Math.min(rate * 2, maxRate));
    }
    if (highestHeld == 0 || refineLeft == 0) {
      return OptionalInt.empty();
    }
    int middle = (int) Math.round(Math.sqrt((double) highestHeld * lowestFailed));
    if (middle <= highestHeld || middle >= lowestFailed) {
      return OptionalInt.empty();
    }
    refineLeft--;
    return OptionalInt.of(middle);
  }
}
