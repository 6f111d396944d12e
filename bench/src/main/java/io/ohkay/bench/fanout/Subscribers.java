package io.ohkay.bench.fanout;

import io.ohkay.bench.sse.SseListener;
import io.ohkay.bench.sse.SseStream;
import io.ohkay.bench.target.FanoutTarget;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.jspecify.annotations.Nullable;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.LoopResources;

/**
 * The subscribers of one target, each on a stream of its own, the first ones connected first; a
 * delivery is handed to the step in flight, if it is that step's. Subscriber {@code i} uses the
 * target's token {@code i}.
 */
final class Subscribers implements AutoCloseable {

  /** Streams opened at once before waiting for their {@code ready}. */
  private static final int CONNECT_BATCH = 100;

  private final FanoutTarget target;
  private final HttpClient client;
  private final LongAdder bytes = new LongAdder();
  private final LongAdder others = new LongAdder();
  private final Map<String, LongAdder> othersByName = new ConcurrentHashMap<>();
  private final List<Subscriber> connected = new ArrayList<>();
  private volatile @Nullable FanoutRun active;

  Subscribers(FanoutTarget target, LoopResources loops) {
    this.target = target;
    this.client = SseStream.client(target.baseUrl(), loops);
  }

  int size() {
    return connected.size();
  }

  /** Connects subscribers until {@code count} are, in batches, each batch ready before the next. */
  void connectUpTo(int count, Duration timeout) throws InterruptedException {
    var tokens = target.subscriberTokens();
    if (count > tokens.size()) {
      throw new IllegalArgumentException(count + " subscribers, " + tokens.size() + " accounts");
    }
    while (connected.size() < count) {
      List<Subscriber> batch = new ArrayList<>();
      for (int i = connected.size(); i < Math.min(count, connected.size() + CONNECT_BATCH); i++) {
        batch.add(new Subscriber(i, tokens.get(i)));
      }
      for (var subscriber : batch) {
        subscriber.awaitReady(timeout);
        connected.add(subscriber);
      }
    }
  }

  /** Reconnects every subscriber whose stream the target ended; returns how many there were. */
  int reconnectEnded(Duration timeout) throws InterruptedException {
    var tokens = target.subscriberTokens();
    List<Subscriber> again = new ArrayList<>();
    for (int i = 0; i < connected.size(); i++) {
      var subscriber = connected.get(i);
      if (subscriber.ended() != null) {
        subscriber.close();
        var fresh = new Subscriber(i, tokens.get(i));
        connected.set(i, fresh);
        again.add(fresh);
      }
    }
    for (var subscriber : again) {
      subscriber.awaitReady(timeout);
    }
    return again.size();
  }

  /** How the first ended stream ended; null while all are open. */
  @Nullable String firstEnded() {
    return connected.stream()
        .map(Subscriber::ended)
        .filter(e -> e != null)
        .findFirst()
        .orElse(null);
  }

  /**
   * Waits until no event other than the bench's messages (presence, mostly) arrived for {@code
   * window}, or {@code timeout} passed; returns whether it became quiet.
   */
  boolean awaitQuiet(Duration window, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    long last = others.sum();
    while (System.nanoTime() < deadline) {
      Thread.sleep(window);
      long now = others.sum();
      if (now == last) {
        return true;
      }
      last = now;
    }
    return false;
  }

  /**
   * Events other than the bench's messages received by every subscriber since the last call, by
   * event name.
   */
  Map<String, Long> takeOthers() {
    others.reset();
    Map<String, Long> counts = new TreeMap<>();
    othersByName.forEach((name, count) -> counts.put(name, count.sumThenReset()));
    counts.values().removeIf(count -> count == 0);
    return counts;
  }

  /** Deliveries go to {@code run} from now on. */
  void activate(FanoutRun run) {
    active = run;
  }

  void deactivate() {
    active = null;
  }

  /** Bytes received by every subscriber since the last call. */
  long takeBytes() {
    return bytes.sumThenReset();
  }

  @Override
  public void close() {
    connected.forEach(Subscriber::close);
    connected.clear();
  }

  /** One subscriber's stream. */
  private final class Subscriber implements SseListener, AutoCloseable {
    private final int index;
    private final CountDownLatch ready = new CountDownLatch(1);
    private final SseStream stream;
    private volatile boolean overflowed;

    Subscriber(int index, String token) {
      this.index = index;
      this.stream = SseStream.open(client, target.streamPath(), token, null, this, bytes);
    }

    @Override
    public void tagged(int step, int seq, long arrivalNanos) {
      var run = active;
      if (run != null && run.step() == step) {
        run.delivered(index, seq, arrivalNanos);
      }
    }

    @Override
    public void event(String name, @Nullable String id, long arrivalNanos) {
      switch (name) {
        case "ready" -> ready.countDown();
        case "overflow" -> overflowed = true;
        default -> {
          others.increment();
          othersByName
              .computeIfAbsent(name.isEmpty() ? "(unnamed)" : name, n -> new LongAdder())
              .increment();
        }
      }
    }

    void awaitReady(Duration timeout) throws InterruptedException {
      if (!ready.await(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
        var ended = ended();
        throw new IllegalStateException(
            "subscriber "
                + index
                + " got no ready within "
                + timeout
                + (ended == null ? "" : ": its stream " + ended));
      }
    }

    @Nullable String ended() {
      return overflowed ? "was cut off with overflow" : stream.ended();
    }

    @Override
    public void close() {
      stream.close();
    }
  }
}
