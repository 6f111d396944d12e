package io.ohkay.bench.report;

/** One step of a rate ladder, as the {@link HeldRateRule} sees it. */
public interface RateStep {

  /** Requests per second offered on the fixed schedule. */
  int offeredRate();

  /** Whether the step met the {@link HeldRateRule}. */
  boolean held();
}
