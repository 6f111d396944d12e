package io.ohkay.bench.sse;

/**
 * The identity a posted message carries in its content, {@code ohkay-bench:<step>:<seq>}, so its
 * arrival on a stream can be matched to its scheduled send time without decoding the event's JSON.
 */
public final class BenchTag {

  /** What every tagged content starts with. */
  static final String PREFIX = "ohkay-bench:";

  private BenchTag() {}

  /** The content of message {@code seq} of step {@code step} (both >= 0). */
  public static String content(int step, int seq) {
    if (step < 0 || seq < 0) {
      throw new IllegalArgumentException("step and seq must be >= 0");
    }
    return PREFIX + step + ":" + seq;
  }
}
