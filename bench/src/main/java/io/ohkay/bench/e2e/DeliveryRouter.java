package io.ohkay.bench.e2e;

import org.jspecify.annotations.Nullable;

/** Hands each stream event to the step it belongs to; events of any other step are ignored. */
final class DeliveryRouter {

  private volatile @Nullable StepRun active;

  void activate(StepRun run) {
    active = run;
  }

  void deactivate() {
    active = null;
  }

  /** Routes one event's data, which arrived at {@code arrivalNanos}. */
  void accept(String data, long arrivalNanos) {
    StepRun run = active;
    if (run == null || !data.contains(run.token())) {
      return;
    }
    MessageTag.parse(ContentExtractor.content(data))
        .filter(tag -> tag.token().equals(run.token()))
        .ifPresent(tag -> run.delivered(tag.seq(), arrivalNanos));
  }
}
