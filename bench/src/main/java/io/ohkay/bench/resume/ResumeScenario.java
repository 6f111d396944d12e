package io.ohkay.bench.resume;

import io.ohkay.bench.load.ForeignCpu;
import io.ohkay.bench.load.MessagePoster;
import io.ohkay.bench.report.ReplayRun;
import io.ohkay.bench.report.ResumeSettings;
import io.ohkay.bench.report.ResumeSource;
import io.ohkay.bench.sse.BenchTag;
import io.ohkay.bench.sse.SseStream;
import io.ohkay.bench.target.Target;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.atomic.LongAdder;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.LoopResources;

/**
 * Measures the replays of one target: a client gets {@code ready} and leaves; the missed messages
 * are posted while a second stream of the same user watches them arrive (their order is the feed's,
 * and once they all came the edge has read them); then the client reconnects from its {@code
 * ready}'s id, {@link ResumeSettings#replays()} times, each timed to its {@code ready}.
 */
final class ResumeScenario {

  /** The step the missed messages are tagged with. */
  private static final int MISSED_STEP = 1;

  private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);
  private static final Duration DELIVERY_TIMEOUT = Duration.ofSeconds(180);
  private static final Duration REPLAY_TIMEOUT = Duration.ofSeconds(120);
  private static final int CREATED = 201;

  private final ResumeSettings settings;
  private final LoopResources loops;
  private final PrintWriter progress;
  private final LongAdder bytes = new LongAdder();

  ResumeScenario(ResumeSettings settings, LoopResources loops, PrintWriter progress) {
    this.settings = settings;
    this.loops = loops;
    this.progress = progress;
  }

  /** The replays of {@code target} as {@code source}; a failure keeps those measured so far. */
  ResumeSource measure(String source, String setting, Target target) throws InterruptedException {
    List<ReplayRun> replays = new ArrayList<>();
    var client = SseStream.client(target.baseUrl(), loops);
    try {
      String cursor = leave(client, target);
      int[] feedOrder = postWhileAway(client, target);
      for (int attempt = 1; attempt <= settings.replays(); attempt++) {
        var run = replay(client, target, cursor, feedOrder, attempt);
        replays.add(run);
        log(
            source,
            "replay %d: %d events, ready after %.1f ms (%.0f events/s)%s",
            attempt,
            run.events(),
            run.readyMillis(),
            run.eventsPerSecond(),
            run.right()
                ? ""
                : ", WRONG: complete "
                    + run.complete()
                    + ", in order "
                    + run.inOrder()
                    + ", "
                    + run.failure());
      }
      return new ResumeSource(source, setting, replays, null);
    } catch (RuntimeException stopped) {
      log(source, "stopped: %s", stopped);
      return new ResumeSource(source, setting, replays, "stopped: " + stopped);
    }
  }

  /** Opens a stream, takes its {@code ready}'s id and closes it: where the client left. */
  private String leave(HttpClient client, Target target) throws InterruptedException {
    var listener = new ReplayListener(MISSED_STEP, settings.missed());
    try (var stream = open(client, target, null, listener)) {
      awaitReady(listener, stream, READY_TIMEOUT);
      return Objects.requireNonNull(listener.readyId(), "ready came without an id");
    }
  }

  /** Posts the missed messages; returns their order in the feed, as a live stream got them. */
  private int[] postWhileAway(HttpClient client, Target target) throws InterruptedException {
    var watcher = new ReplayListener(MISSED_STEP, settings.missed());
    var sender = target.senders().getFirst();
    try (var stream = open(client, target, null, watcher);
        var poster =
            new MessagePoster(target.baseUrl(), sender.path(), sender.bearerToken(), loops)) {
      awaitReady(watcher, stream, READY_TIMEOUT);
      long start = System.nanoTime();
      long refused =
          Objects.requireNonNull(
              Flux.range(0, settings.missed())
                  .flatMap(
                      seq -> poster.post(BenchTag.content(MISSED_STEP, seq)),
                      settings.postConcurrency())
                  .filter(status -> status != CREATED)
                  .count()
                  .block(DELIVERY_TIMEOUT));
      if (refused > 0) {
        throw new IllegalStateException(refused + " of the missed messages were refused");
      }
      double posted = (System.nanoTime() - start) / 1e9;
      if (!watcher.awaitAll(DELIVERY_TIMEOUT)) {
        throw new IllegalStateException(
            "the watching stream got " + watcher.received() + " of " + settings.missed());
      }
      log(
          "posting",
          "%d messages posted in %.1f s, all on the live stream after %.1f s",
          settings.missed(),
          posted,
          (System.nanoTime() - start) / 1e9);
      return watcher.order();
    }
  }

  private ReplayRun replay(
      HttpClient client, Target target, String cursor, int[] feedOrder, int attempt)
      throws InterruptedException {
    var listener = new ReplayListener(MISSED_STEP, settings.missed());
    var foreign = ForeignCpu.start();
    long start = System.nanoTime();
    try (var stream = open(client, target, cursor, listener)) {
      if (!listener.awaitReady(REPLAY_TIMEOUT)) {
        return new ReplayRun(
            attempt,
            listener.received(),
            millis(listener.firstNanos(), start),
            millis(System.nanoTime(), start),
            false,
            false,
            foreign.share(),
            "no ready within "
                + REPLAY_TIMEOUT
                + (stream.ended() == null ? "" : ", " + stream.ended()));
      }
      return new ReplayRun(
          attempt,
          listener.received(),
          listener.received() == 0 ? 0.0 : millis(listener.firstNanos(), start),
          millis(listener.readyNanos(), start),
          listener.complete(),
          Arrays.equals(listener.order(), feedOrder),
          foreign.share(),
          listener.failure());
    }
  }

  private SseStream open(
      HttpClient client, Target target, @Nullable String cursor, ReplayListener listener) {
    return SseStream.open(
        client, target.streamPath(), target.bearerToken(), cursor, listener, bytes);
  }

  private static void awaitReady(ReplayListener listener, SseStream stream, Duration timeout)
      throws InterruptedException {
    if (!listener.awaitReady(timeout)) {
      throw new IllegalStateException(
          "no ready within " + timeout + (stream.ended() == null ? "" : ": " + stream.ended()));
    }
  }

  private static double millis(long nanos, long startNanos) {
    return Math.max(0, nanos - startNanos) / 1e6;
  }

  private void log(String source, String format, Object... args) {
    progress.println("[" + source + "] " + String.format(Locale.ROOT, format, args));
    progress.flush();
  }
}
