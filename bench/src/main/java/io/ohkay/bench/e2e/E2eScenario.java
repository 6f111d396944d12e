package io.ohkay.bench.e2e;

import io.ohkay.bench.load.OpenLoopSchedule;
import io.ohkay.bench.load.OpenLoopSender;
import io.ohkay.bench.load.PooledHttp;
import io.ohkay.bench.report.HeldRateRule;
import io.ohkay.bench.report.RunSettings;
import io.ohkay.bench.report.StepResult;
import io.ohkay.bench.report.TargetResult;
import io.ohkay.bench.target.Target;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import reactor.netty.resources.LoopResources;

/**
 * Measures one target: opens the stream, waits until a probe message comes through, warms up, then
 * steps through the planned rates; after the first step that does not hold, only the headline rates
 * still run.
 */
final class E2eScenario {

  private static final Duration STREAM_READY_TIMEOUT = Duration.ofSeconds(60);
  private static final Duration PROBE_WAIT = Duration.ofSeconds(1);

  private final RunSettings settings;
  private final HeldRateRule rule;
  private final LoopResources loops;
  private final PrintWriter progress;
  private final String runId = Integer.toString(ThreadLocalRandom.current().nextInt(1 << 30), 36);
  private int steps;

  E2eScenario(RunSettings settings, LoopResources loops, PrintWriter progress) {
    this.settings = settings;
    this.rule = settings.rule();
    this.loops = loops;
    this.progress = progress;
  }

  /** Every step measured on {@code target}; a failure mid-way keeps the steps measured so far. */
  TargetResult measure(Target target) throws InterruptedException {
    List<StepResult> results = new ArrayList<>();
    var router = new DeliveryRouter();
    try (var client = new LoadClient(target, loops);
        var stream = StreamClient.connect(target, loops, router)) {
      var session = new Session(target, client, stream, router);
      session.awaitStreamReady();
      session.warmUp();
      session.stepUp(results);
      return TargetResult.measured(target.name(), results, rule, null);
    } catch (RuntimeException stopped) {
      return TargetResult.measured(target.name(), results, rule, "stopped: " + stopped);
    }
  }

  private String nextToken() {
    return runId + "s" + steps++;
  }

  /** One target's clients for the duration of its measurement. */
  private final class Session {

    private final Target target;
    private final LoadClient client;
    private final StreamClient stream;
    private final DeliveryRouter router;

    Session(Target target, LoadClient client, StreamClient stream, DeliveryRouter router) {
      this.target = target;
      this.client = client;
      this.stream = stream;
      this.router = router;
    }

    void awaitStreamReady() throws InterruptedException {
      long deadline = System.nanoTime() + STREAM_READY_TIMEOUT.toNanos();
      while (System.nanoTime() < deadline) {
        checkStream();
        var probe = new StepRun(nextToken(), 1, 1, System.nanoTime());
        router.activate(probe);
        client.post(probe, 0);
        if (probe.awaitDeliveries(PROBE_WAIT)) {
          router.deactivate();
          return;
        }
        refusedProbe(probe);
      }
      throw new IllegalStateException("no probe message came through the stream within 60 s");
    }

    /** A target that answers the probe with an error will not accept the load either. */
    private void refusedProbe(StepRun probe) throws InterruptedException {
      probe.awaitAnswers(PROBE_WAIT);
      String error = probe.result(target.name(), 1, rule).firstError();
      if (error != null) {
        throw new IllegalStateException("the probe post failed: " + error);
      }
    }

    void warmUp() throws InterruptedException {
      if (settings.warmupSeconds() > 0) {
        StepResult warmUp = run(settings.warmupRate(), settings.warmupSeconds());
        report("warm-up", warmUp);
      }
    }

    void stepUp(List<StepResult> results) throws InterruptedException {
      boolean failed = false;
      for (int rate : settings.plan()) {
        if (failed && !settings.headlineRates().contains(rate)) {
          continue;
        }
        StepResult step = run(rate, settings.durationSeconds());
        results.add(step);
        report("step", step);
        failed |= !step.held();
      }
    }

    private StepResult run(int rate, int seconds) throws InterruptedException {
      checkStream();
      var run = new StepRun(nextToken(), rate, rate * seconds, OpenLoopSchedule.soon());
      router.activate(run);
      OpenLoopSender.send(
          run.schedule(),
          (seq, firedNanos) -> {
            run.fired(seq, firedNanos);
            client.post(run, seq);
          });
      run.awaitDeliveries(Duration.ofSeconds(settings.drainSeconds()));
      router.deactivate();
      run.closeDeliveries();
      run.awaitAnswers(PooledHttp.RESPONSE_TIMEOUT);
      return run.result(target.name(), seconds, rule);
    }

    private void checkStream() {
      String failure = stream.failure();
      if (failure != null) {
        throw new IllegalStateException(failure);
      }
    }

    private void report(String phase, StepResult step) {
      progress.println(
          String.format(
              Locale.ROOT,
              "[%s] %s %d msg/s: delivered %d/%d, post errors %d, p50 %.2f ms, p99 %.2f ms%s",
              step.target(),
              phase,
              step.offeredRate(),
              step.delivered(),
              step.sent(),
              step.postErrors(),
              step.endToEnd().p50Millis(),
              step.endToEnd().p99Millis(),
              phase.equals("step") ? (step.held() ? " -> held" : " -> NOT held") : ""));
      progress.flush();
    }
  }
}
