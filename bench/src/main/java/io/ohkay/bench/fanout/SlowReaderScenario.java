package io.ohkay.bench.fanout;

import io.ohkay.bench.report.FanoutStep;
import io.ohkay.bench.report.SlowReaderSettings;
import io.ohkay.bench.report.SlowReaderTrial;
import io.ohkay.bench.target.FanoutTarget;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import reactor.netty.resources.LoopResources;

/**
 * The slow-reader trial on one target: the subscribers connect and warm up; the first half runs;
 * the silent connections open (their accounts are the target's last tokens) and are filled until
 * their kernel buffers are full; the second half runs at the same rate; then the silent connections
 * read what they were sent.
 */
final class SlowReaderScenario {

  private static final Duration OPEN_TIMEOUT = Duration.ofSeconds(60);
  private static final Duration SLOW_READER_IDLE = Duration.ofSeconds(2);

  private final SlowReaderSettings settings;
  private final LoopResources streamLoops;
  private final LoopResources postLoops;
  private final PrintWriter progress;

  SlowReaderScenario(
      SlowReaderSettings settings,
      LoopResources streamLoops,
      LoopResources postLoops,
      PrintWriter progress) {
    this.settings = settings;
    this.streamLoops = streamLoops;
    this.postLoops = postLoops;
    this.progress = progress;
  }

  SlowReaderTrial measure(FanoutTarget target) throws InterruptedException {
    int count = settings.subscribers();
    int rate = settings.rate();
    int seconds = settings.seconds();
    @Nullable FanoutStep without = null;
    @Nullable FanoutStep with = null;
    @Nullable FanoutStep after = null;
    List<SlowReader> readers = new ArrayList<>();
    try (var session =
        new FanoutSession(
            target,
            streamLoops,
            postLoops,
            settings.rule(),
            Duration.ofSeconds(settings.drainSeconds()),
            progress)) {
      session.connect(count);
      if (settings.warmupSeconds() > 0) {
        session.report("warm-up", session.run(rate, settings.warmupSeconds(), count));
      }
      without = session.run(rate, seconds, count);
      session.report("without slow readers", without);
      open(target, readers);
      session.fill(settings.prefillMessages(), settings.prefillChars(), rate);
      session.log("%d slow reader(s) open and filled", readers.size());
      with = session.run(rate, seconds, count);
      session.report("with slow readers", with);
      var drained = drain(session, readers);
      after = session.run(rate, seconds, count);
      session.report("without slow readers again", after);
      return new SlowReaderTrial(
          target.name(),
          count,
          readers.size(),
          without,
          with,
          after,
          drained.cutOff(),
          drained.messages(),
          null);
    } catch (RuntimeException | IOException stopped) {
      progress.println("[" + target.name() + "] stopped: " + stopped);
      progress.flush();
      return new SlowReaderTrial(
          target.name(),
          count,
          settings.slowReaders(),
          without,
          with,
          after,
          0,
          0,
          "stopped: " + stopped);
    } finally {
      for (var reader : readers) {
        try {
          reader.close();
        } catch (IOException ignored) {
          // A socket the target closed already.
        }
      }
    }
  }

  private void open(FanoutTarget target, List<SlowReader> readers) throws IOException {
    var tokens = target.subscriberTokens();
    for (int i = tokens.size() - settings.slowReaders(); i < tokens.size(); i++) {
      readers.add(
          SlowReader.open(target.baseUrl(), target.streamPath(), tokens.get(i), OPEN_TIMEOUT));
    }
  }

  /** What the silent connections were sent in all, and how many the target cut off. */
  private record Drained(int cutOff, long messages) {}

  private Drained drain(FanoutSession session, List<SlowReader> readers) throws IOException {
    int cutOff = 0;
    long messages = 0;
    for (var reader : readers) {
      var drained = reader.drain(SLOW_READER_IDLE);
      cutOff += drained.overflow() ? 1 : 0;
      messages += drained.messages();
      session.log(
          "slow reader read afterwards: %d messages, overflow %b, stream ended %b",
          drained.messages(), drained.overflow(), drained.ended());
      reader.close();
    }
    return new Drained(cutOff, messages);
  }
}
