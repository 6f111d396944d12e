package io.ohkay.bench.fanout;

import io.ohkay.bench.load.ForeignCpu;
import io.ohkay.bench.load.OpenLoopSchedule;
import io.ohkay.bench.load.OpenLoopSender;
import io.ohkay.bench.load.PooledHttp;
import io.ohkay.bench.load.Poster;
import io.ohkay.bench.report.ConnectPhase;
import io.ohkay.bench.report.FanoutStep;
import io.ohkay.bench.report.HeldRateRule;
import io.ohkay.bench.sse.BenchTag;
import io.ohkay.bench.target.FanoutTarget;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import reactor.netty.resources.LoopResources;

/**
 * One target's subscribers and poster while it is measured: connects subscribers, and runs steps —
 * a probe first, which must reach every subscriber (so nothing of an earlier step is still in
 * flight), then messages posted on an open-loop schedule, each due at every subscriber.
 */
final class FanoutSession implements AutoCloseable {

  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(60);
  private static final Duration QUIET_WINDOW = Duration.ofSeconds(1);
  private static final Duration QUIET_TIMEOUT = Duration.ofSeconds(120);
  private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(30);
  private static final int PROBE_ATTEMPTS = 3;

  private final FanoutTarget target;
  private final Subscribers subscribers;
  private final Poster poster;
  private final HeldRateRule rule;
  private final Duration drain;
  private final PrintWriter progress;
  private int steps;

  FanoutSession(
      FanoutTarget target,
      LoopResources streamLoops,
      LoopResources postLoops,
      HeldRateRule rule,
      Duration drain,
      PrintWriter progress) {
    this.target = target;
    this.subscribers = new Subscribers(target, streamLoops);
    this.poster = target.poster(postLoops);
    this.rule = rule;
    this.drain = drain;
    this.progress = progress;
  }

  FanoutTarget target() {
    return target;
  }

  /**
   * Connects subscribers until {@code count} are, then waits until what their connecting set off
   * (presence) has been delivered.
   */
  ConnectPhase connect(int count) throws InterruptedException {
    int before = subscribers.size();
    long start = System.nanoTime();
    subscribers.takeOthers();
    subscribers.connectUpTo(count, CONNECT_TIMEOUT);
    double ready = seconds(start);
    boolean quiet = subscribers.awaitQuiet(QUIET_WINDOW, QUIET_TIMEOUT);
    var phase =
        new ConnectPhase(count - before, ready, seconds(start), subscribers.takeOthers(), quiet);
    log(
        "%d subscribers ready in %.1f s, quiet after %.1f s%s, other events received: %s",
        count,
        phase.readySeconds(),
        phase.quietSeconds(),
        quiet ? "" : " (NOT quiet)",
        phase.otherEvents());
    return phase;
  }

  /**
   * One step to the first {@code count} subscribers: settle, post {@code rate × seconds} messages
   * on the schedule, wait for the deliveries, reconnect the subscribers the target cut off.
   */
  FanoutStep run(int rate, int seconds, int count) throws InterruptedException {
    settle(count);
    var run =
        new FanoutRun(
            steps++, rate, Math.multiplyExact(rate, seconds), count, OpenLoopSchedule.soon());
    subscribers.takeBytes();
    var foreign = ForeignCpu.start();
    subscribers.activate(run);
    OpenLoopSender.send(
        run.schedule(),
        (seq, firedNanos) -> {
          run.answers().fired(seq, firedNanos);
          poster.post(BenchTag.content(run.step(), seq), seq, run.answers());
        });
    run.awaitDeliveries(drain);
    subscribers.deactivate();
    run.close();
    long bytes = subscribers.takeBytes();
    double othersCpu = foreign.share();
    run.answers().await(PooledHttp.RESPONSE_TIMEOUT);
    int cutOff = subscribers.reconnectEnded(CONNECT_TIMEOUT);
    return run.result(target.name(), seconds, rule, cutOff, bytes, othersCpu);
  }

  /**
   * Posts {@code count} messages of about {@code chars} characters at {@code rate}, measured by
   * nobody; returns once they were all answered.
   */
  void fill(int count, int chars, int rate) throws InterruptedException {
    var run = new FanoutRun(steps++, rate, count, 0, OpenLoopSchedule.soon());
    String padding = " " + "x".repeat(Math.max(0, chars - 24));
    OpenLoopSender.send(
        run.schedule(),
        (seq, firedNanos) ->
            poster.post(BenchTag.content(run.step(), seq) + padding, seq, run.answers()));
    run.answers().await(PooledHttp.RESPONSE_TIMEOUT);
    if (run.answers().errors() > 0) {
      throw new IllegalStateException(
          run.answers().errors() + " fill posts failed: " + run.answers().firstError());
    }
  }

  /**
   * Waits until a probe message reaches the first {@code count} subscribers: whatever an earlier
   * step left in flight has been delivered by then (a stream is in order). Streams the target ended
   * are reconnected first.
   */
  void settle(int count) throws InterruptedException {
    for (int attempt = 1; attempt <= PROBE_ATTEMPTS; attempt++) {
      subscribers.reconnectEnded(CONNECT_TIMEOUT);
      var probe = new FanoutRun(steps++, 1, 1, count, System.nanoTime());
      subscribers.activate(probe);
      poster.post(BenchTag.content(probe.step(), 0), 0, probe.answers());
      boolean arrived = probe.awaitDeliveries(PROBE_TIMEOUT);
      subscribers.deactivate();
      if (arrived) {
        return;
      }
      probe.answers().await(PooledHttp.RESPONSE_TIMEOUT);
      log(
          "probe %d did not reach every subscriber (post error: %s, an ended stream: %s)",
          attempt,
          Objects.requireNonNullElse(probe.answers().firstError(), "none"),
          Objects.requireNonNullElse(subscribers.firstEnded(), "none"));
    }
    throw new IllegalStateException(
        "no probe reached every subscriber within "
            + PROBE_TIMEOUT
            + ", "
            + PROBE_ATTEMPTS
            + " times");
  }

  /** Reports a measured step on the progress stream. */
  void report(String phase, FanoutStep step) {
    log(
        "%s %d subscribers, %d msg/s (%d deliveries/s): delivered %d/%d, cut off %d, post"
            + " errors %d, p50 %.2f ms, p99 %.2f ms, load %.1f, others' CPU %.0f%%%s",
        phase,
        step.subscribers(),
        step.offeredRate(),
        step.deliveriesPerSecond(),
        step.delivered(),
        step.expected(),
        step.cutOff(),
        step.postErrors(),
        step.latency().p50Millis(),
        step.latency().p99Millis(),
        step.loadAverage(),
        step.othersCpu() * 100,
        phase.equals("step") ? (step.held() ? " -> held" : " -> NOT held") : "");
  }

  void log(String format, Object... args) {
    progress.println("[" + target.name() + "] " + String.format(Locale.ROOT, format, args));
    progress.flush();
  }

  private static double seconds(long startNanos) {
    return (System.nanoTime() - startNanos) / 1e9;
  }

  @Override
  public void close() {
    subscribers.close();
    poster.close();
  }
}
