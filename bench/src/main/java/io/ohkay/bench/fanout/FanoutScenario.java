package io.ohkay.bench.fanout;

import io.ohkay.bench.report.ConnectPhase;
import io.ohkay.bench.report.FanoutLadder;
import io.ohkay.bench.report.FanoutSettings;
import io.ohkay.bench.report.FanoutStep;
import io.ohkay.bench.target.FanoutTarget;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import org.jspecify.annotations.Nullable;
import reactor.netty.resources.LoopResources;

/**
 * Measures one target: for each subscriber count, ascending, connects the subscribers (those of the
 * previous count stay) and waits until what that set off has been delivered, warms up, and climbs
 * the {@link RateLadder}.
 */
final class FanoutScenario {

  private final FanoutSettings settings;
  private final LoopResources streamLoops;
  private final LoopResources postLoops;
  private final PrintWriter progress;

  FanoutScenario(
      FanoutSettings settings,
      LoopResources streamLoops,
      LoopResources postLoops,
      PrintWriter progress) {
    this.settings = settings;
    this.streamLoops = streamLoops;
    this.postLoops = postLoops;
    this.progress = progress;
  }

  /** Every ladder measured on {@code target}; a failure stops the target, keeping what was. */
  List<FanoutLadder> measure(FanoutTarget target) throws InterruptedException {
    var rule = settings.rule();
    List<FanoutLadder> ladders = new ArrayList<>();
    try (var session =
        new FanoutSession(
            target,
            streamLoops,
            postLoops,
            rule,
            Duration.ofSeconds(settings.drainSeconds()),
            progress)) {
      for (int count : settings.subscribers()) {
        List<FanoutStep> measured = new ArrayList<>();
        @Nullable ConnectPhase connect = null;
        try {
          connect = session.connect(count);
          ladder(session, count, measured);
          ladders.add(FanoutLadder.measured(target.name(), count, connect, measured, rule, null));
        } catch (RuntimeException stopped) {
          session.log("stopped: %s", stopped);
          ladders.add(
              FanoutLadder.measured(
                  target.name(), count, connect, measured, rule, "stopped: " + stopped));
          return ladders;
        }
      }
    }
    return ladders;
  }

  private void ladder(FanoutSession session, int count, List<FanoutStep> measured)
      throws InterruptedException {
    int rate = settings.firstRate(count);
    if (settings.warmupSeconds() > 0) {
      session.report("warm-up", session.run(rate, settings.warmupSeconds(), count));
    }
    var ladder = new RateLadder(settings.maxRate(), settings.refineSteps());
    OptionalInt next = OptionalInt.of(rate);
    while (next.isPresent()) {
      var step = session.run(next.getAsInt(), settings.durationSeconds(), count);
      measured.add(step);
      session.report("step", step);
      next = ladder.next(step.offeredRate(), step.held());
    }
  }
}
