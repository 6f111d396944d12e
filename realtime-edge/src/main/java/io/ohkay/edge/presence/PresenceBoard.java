package io.ohkay.edge.presence;

import io.ohkay.schemas.id.UserId;
import io.ohkay.schemas.signal.Presence;
import io.ohkay.schemas.signal.Signal;
import io.ohkay.schemas.signal.Typing;
import java.time.Duration;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Every user's presence from the signals of every edge: per user, each instance's last signal. A
 * user is {@link PresenceStatus#ONLINE} while some instance's last signal is online, not idle and
 * younger than {@code ttl}, {@link PresenceStatus#IDLE} while such signals exist but all are idle,
 * else {@link PresenceStatus#OFFLINE}. Signals are applied and expiry runs on one thread of the
 * board's own, which also tells the listeners every change; typing signals are passed through,
 * dropped when older than {@link #TYPING_TTL}. {@link #status} may be asked from any thread.
 */
public final class PresenceBoard implements SmartLifecycle, AutoCloseable {

  /** How old a typing signal may be and still be passed on. */
  public static final Duration TYPING_TTL = Duration.ofSeconds(10);

  private static final Logger log = LoggerFactory.getLogger(PresenceBoard.class);

  private final Duration ttl;
  private final Duration sweepEvery;
  private final InstantSource clock;
  private final List<PresenceListener> listeners = new CopyOnWriteArrayList<>();

  /** User → instance → its last online signal; the board's thread only. */
  private final Map<UserId, Map<String, Presence>> signals = new HashMap<>();

  /** The reported status of every user not offline. */
  private final Map<UserId, PresenceStatus> statuses = new ConcurrentHashMap<>();

  private final ScheduledExecutorService executor =
      Executors.newSingleThreadScheduledExecutor(
          Thread.ofPlatform().name("ohkay-edge-presence-board").daemon().factory());
  private @Nullable ScheduledFuture<?> sweeps;

  /**
   * @param ttl how long an instance's online signal counts (a few of its repeat intervals)
   * @param sweepEvery how often expired signals are looked for
   * @param clock what "younger than" is measured against
   */
  public PresenceBoard(Duration ttl, Duration sweepEvery, InstantSource clock) {
    this.ttl = ttl;
    this.sweepEvery = sweepEvery;
    this.clock = clock;
  }

  /** Adds {@code listener}; it is told the changes from now on. */
  public void listen(PresenceListener listener) {
    listeners.add(listener);
  }

  /** Applies {@code signal} on the board's thread, later; returns at once. */
  public void accept(Signal signal) {
    try {
      executor.execute(() -> apply(signal));
    } catch (RejectedExecutionException e) {
      log.debug("signal dropped: the presence board is closed");
    }
  }

  /** {@code user}'s status as last reported. */
  public PresenceStatus status(UserId user) {
    return statuses.getOrDefault(user, PresenceStatus.OFFLINE);
  }

  @Override
  public synchronized void start() {
    if (sweeps == null) {
      var millis = sweepEvery.toMillis();
      sweeps = executor.scheduleAtFixedRate(this::sweep, millis, millis, TimeUnit.MILLISECONDS);
    }
  }

  @Override
  public synchronized void stop() {
    var current = sweeps;
    if (current != null) {
      current.cancel(false);
      sweeps = null;
    }
  }

  @Override
  public synchronized boolean isRunning() {
    return sweeps != null;
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }

  /** Applies one signal now; on the board's thread (or a test's only thread). */
  void apply(Signal signal) {
    switch (signal) {
      case Presence presence -> apply(presence);
      case Typing typing -> pass(typing);
    }
  }

  /** Expires the signals older than the ttl now; on the board's thread (or a test's only one). */
  void sweep() {
    List.copyOf(signals.keySet()).forEach(this::update);
  }

  private void apply(Presence presence) {
    var instances = signals.computeIfAbsent(presence.userId(), user -> new HashMap<>());
    if (presence.online()) {
      instances.put(presence.instanceId(), presence);
    } else {
      instances.remove(presence.instanceId());
    }
    update(presence.userId());
  }

  private void pass(Typing typing) {
    if (!typing.at().isBefore(clock.instant().minus(TYPING_TTL))) {
      tell(listener -> listener.typing(typing));
    }
  }

  /** Forgets {@code user}'s expired signals and reports their status if it changed. */
  private void update(UserId user) {
    var horizon = clock.instant().minus(ttl);
    var instances = signals.get(user);
    if (instances != null) {
      instances.values().removeIf(signal -> !signal.at().isAfter(horizon));
    }
    if (instances == null || instances.isEmpty()) {
      signals.remove(user);
    }
    var status = instances == null ? PresenceStatus.OFFLINE : statusOf(instances.values());
    if (status == status(user)) {
      return;
    }
    if (status == PresenceStatus.OFFLINE) {
      statuses.remove(user);
    } else {
      statuses.put(user, status);
    }
    tell(listener -> listener.presenceChanged(user, status));
  }

  private static PresenceStatus statusOf(Iterable<Presence> live) {
    var any = false;
    for (var signal : live) {
      if (!signal.idle()) {
        return PresenceStatus.ONLINE;
      }
      any = true;
    }
    return any ? PresenceStatus.IDLE : PresenceStatus.OFFLINE;
  }

  private void tell(Consumer<PresenceListener> call) {
    for (var listener : listeners) {
      try {
        call.accept(listener);
      } catch (RuntimeException e) {
        log.warn("a presence listener failed: {}", e.toString());
      }
    }
  }
}
