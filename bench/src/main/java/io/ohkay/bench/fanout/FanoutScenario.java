package io.ohkay.bench.fanout;

import io.ohkay.bench.load.MessagePoster;
import io.ohkay.bench.load.OpenLoopSchedule;
import io.ohkay.bench.load.OpenLoopSender;
import io.ohkay.bench.load.PooledHttp;
import io.ohkay.bench.report.FanoutLadder;
import io.ohkay.bench.report.FanoutSettings;
import io.ohkay.bench.report.FanoutStep;
import io.ohkay.bench.report.HeldRateRule;
import io.ohkay.bench.report.SlowReaderTrial;
import io.ohkay.bench.sse.BenchTag;
import io.ohkay.bench.target.FanoutTarget;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.OptionalInt;
import org.jspecify.annotations.Nullable;
import reactor.netty.resources.LoopResources;

/**
 * Measures one target: for each subscriber count, ascending, connects the subscribers (those of the
 * previous count stay), warms up, climbs the {@link RateLadder}; with the slow-reader trial's
 * count, runs the trial after the ladder. Before every step a probe message must reach every
 * subscriber, so a step never starts while the previous one is still being delivered.
 */
final class FanoutScenario {

  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(60);
  private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(30);
  private static final int PROBE_ATTEMPTS = 3;
  private static final Duration SLOW_READER_IDLE = Duration.ofSeconds(2);

  private final FanoutSettings settings;
  private final HeldRateRule rule;
  private final LoopResources streamLoops;
  private final LoopResources postLoops;
  private final PrintWriter progress;
  private int steps;

  FanoutScenario(
      FanoutSettings settings,
      LoopResources streamLoops,
      LoopResources postLoops,
      PrintWriter progress) {
    this.settings = settings;
    this.rule = settings.rule();
    this.streamLoops = streamLoops;
    this.postLoops = postLoops;
    this.progress = progress;
  }

  /**
   * Every ladder measured on {@code target}, the slow-reader trial added to {@code trials}; a
   * failure stops the target, keeping what was measured.
   */
  List<FanoutLadder> measure(FanoutTarget target, List<SlowReaderTrial> trials)
      throws InterruptedException {
    List<FanoutLadder> ladders = new ArrayList<>();
    try (var subscribers = new Subscribers(target, streamLoops);
        var poster = new MessagePoster(target.baseUrl(), target.sender(), postLoops)) {
      var session = new Session(target, subscribers, poster);
      for (int count : settings.subscribers()) {
        List<FanoutStep> measured = new ArrayList<>();
        try {
          session.ladder(count, measured);
          ladders.add(FanoutLadder.measured(target.name(), count, measured, rule, null));
        } catch (RuntimeException | IOException stopped) {
          log(target.name(), "stopped: %s", stopped);
          ladders.add(
              FanoutLadder.measured(target.name(), count, measured, rule, "stopped: " + stopped));
          return ladders;
        }
        if (count == settings.slowReaderSubscribers() && settings.slowReaders() > 0) {
          trials.add(session.slowReaderTrial(count, ladders.getLast()));
        }
      }
    }
    return ladders;
  }

  private void log(String target, String format, Object... args) {
    progress.println("[" + target + "] " + String.format(Locale.ROOT, format, args));
    progress.flush();
  }

  /** One target's subscribers and poster for the duration of its measurement. */
  private final class Session {

    private final FanoutTarget target;
    private final Subscribers subscribers;
    private final MessagePoster poster;

    Session(FanoutTarget target, Subscribers subscribers, MessagePoster poster) {
      this.target = target;
      this.subscribers = subscribers;
      this.poster = poster;
    }

    void ladder(int count, List<FanoutStep> measured) throws InterruptedException, IOException {
      long start = System.nanoTime();
      subscribers.connectUpTo(count, CONNECT_TIMEOUT);
      log(
          target.name(),
          "%d subscribers ready in %.1f s",
          count,
          (System.nanoTime() - start) / 1e9);
      int rate = settings.firstRate(count);
      if (settings.warmupSeconds() > 0) {
        report("warm-up", run(rate, settings.warmupSeconds(), count));
      }
      var ladder = new RateLadder(settings.maxRate(), settings.refineSteps());
      OptionalInt next = OptionalInt.of(rate);
      while (next.isPresent()) {
        var step = run(next.getAsInt(), settings.durationSeconds(), count);
        measured.add(step);
        report("step", step);
        next = ladder.next(step.offeredRate(), step.held());
      }
    }

    SlowReaderTrial slowReaderTrial(int count, FanoutLadder ladder) throws InterruptedException {
      Integer held = ladder.highestHeldRate();
      int base = held != null ? held : settings.firstRate(count);
      int rate = Math.max(1, (int) Math.round(base * settings.slowReaderShare()));
      @Nullable FanoutStep without = null;
      @Nullable FanoutStep with = null;
      List<SlowReader> readers = new ArrayList<>();
      try {
        int seconds = settings.slowReaderSeconds(rate);
        without = run(rate, seconds, count);
        report("without slow readers", without);
        openSlowReaders(readers);
        with = run(rate, seconds, count);
        report("with slow readers", with);
        return drained(count, without, with, readers);
      } catch (RuntimeException | IOException stopped) {
        log(target.name(), "slow-reader trial stopped: %s", stopped);
        return new SlowReaderTrial(
            target.name(),
            count,
            settings.slowReaders(),
            without,
            with,
            0,
            0,
            "stopped: " + stopped);
      } finally {
        for (var reader : readers) {
          try {
            reader.close();
          } catch (IOException ignored) {
            // Closing a socket that is gone already.
          }
        }
      }
    }

    private void openSlowReaders(List<SlowReader> readers) throws IOException {
      var tokens = target.subscriberTokens();
      for (int i = tokens.size() - settings.slowReaders(); i < tokens.size(); i++) {
        readers.add(
            SlowReader.open(target.baseUrl(), target.streamPath(), tokens.get(i), CONNECT_TIMEOUT));
      }
    }

    private SlowReaderTrial drained(
        int count, FanoutStep without, FanoutStep with, List<SlowReader> readers)
        throws IOException {
      int cutOff = 0;
      long messages = 0;
      for (var reader : readers) {
        var drained = reader.drain(SLOW_READER_IDLE);
        cutOff += drained.overflow() ? 1 : 0;
        messages += drained.messages();
        log(
            target.name(),
            "slow reader drained: %d messages, overflow %b, ended %b",
            drained.messages(),
            drained.overflow(),
            drained.ended());
      }
      return new SlowReaderTrial(
          target.name(), count, readers.size(), without, with, cutOff, messages, null);
    }

    /** One step: settle, post on the schedule, wait for the deliveries, reconnect the cut off. */
    private FanoutStep run(int rate, int seconds, int count) throws InterruptedException {
      settle(count);
      var run =
          new FanoutRun(
              steps++, rate, Math.multiplyExact(rate, seconds), count, OpenLoopSchedule.soon());
      subscribers.takeBytes();
      subscribers.activate(run);
      OpenLoopSender.send(
          run.schedule(),
          (seq, firedNanos) -> {
            run.answers().fired(seq, firedNanos);
            poster.post(BenchTag.content(run.step(), seq), seq, run.answers());
          });
      run.awaitDeliveries(Duration.ofSeconds(settings.drainSeconds()));
      subscribers.deactivate();
      run.close();
      long bytes = subscribers.takeBytes();
      run.answers().await(PooledHttp.RESPONSE_TIMEOUT);
      int cutOff = subscribers.reconnectEnded(CONNECT_TIMEOUT);
      return run.result(target.name(), seconds, rule, cutOff, bytes);
    }

    /**
     * Waits until a probe message reaches every subscriber: whatever an earlier step left in flight
     * has been delivered by then (a stream is in order). Streams the target ended are reconnected
     * first.
     */
    private void settle(int count) throws InterruptedException {
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
            target.name(),
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

    private void report(String phase, FanoutStep step) {
      log(
          step.target(),
          "%s %d subscribers, %d msg/s (%d deliveries/s): delivered %d/%d, cut off %d, post"
              + " errors %d, p50 %.2f ms, p99 %.2f ms, load %.1f%s",
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
          phase.equals("step") ? (step.held() ? " -> held" : " -> NOT held") : "");
    }
  }
}
