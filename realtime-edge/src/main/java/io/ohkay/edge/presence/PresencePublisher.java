package io.ohkay.edge.presence;

import io.ohkay.schemas.id.UserId;
import io.ohkay.schemas.signal.Presence;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Publishes this edge's presence signals: {@code online} when a user's first stream opens here,
 * {@code offline} when their last one closes, {@code online} again every interval for each user
 * still streaming here (so readers can let the signals of a crashed edge expire), and at once when
 * such a user turns idle or back; every signal carries whether the user is idle. Signals are sent
 * on one thread of its own, in the order the changes happened, never on the caller's: an offline
 * signal is never overtaken by a repeat of the online one it ends. Stops after the stream hub (a
 * lower phase), so the offline signals of the streams ended at shutdown still go out.
 */
public final class PresencePublisher implements UserPresence, SmartLifecycle, AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(PresencePublisher.class);
  private static final Duration STOP_WAIT = Duration.ofSeconds(5);

  private final String instanceId;
  private final Duration interval;
  private final Clock clock;
  private final Consumer<Presence> sink;
  private final Set<UserId> online = ConcurrentHashMap.newKeySet();
  private final Set<UserId> idle = ConcurrentHashMap.newKeySet();
  private final ScheduledExecutorService executor =
      Executors.newSingleThreadScheduledExecutor(
          Thread.ofPlatform().name("ohkay-edge-presence").daemon().factory());
  private @Nullable ScheduledFuture<?> repeats;

  /**
   * @param instanceId this edge's name in the signals
   * @param interval how often the online signals are repeated
   * @param clock the time the signals are stamped with
   * @param sink sends one signal (to {@code ohkay.ephemeral}, keyed by its user)
   */
  public PresencePublisher(
      String instanceId, Duration interval, Clock clock, Consumer<Presence> sink) {
    this.instanceId = instanceId;
    this.interval = interval;
    this.clock = clock;
    this.sink = sink;
  }

  @Override
  public void online(UserId user) {
    if (online.add(user)) {
      send(user, true);
    }
  }

  @Override
  public void offline(UserId user) {
    if (online.remove(user)) {
      idle.remove(user);
      send(user, false);
    }
  }

  /**
   * Marks {@code user} idle or back, as they said on this edge: their signals from here carry it,
   * at once when it changes while they stream here. Forgotten when their last stream here closes.
   */
  public void idle(UserId user, boolean isIdle) {
    var changed = isIdle ? idle.add(user) : idle.remove(user);
    if (changed && online.contains(user)) {
      send(user, true);
    }
  }

  /** The users announced online: those whose signal is repeated. */
  public Set<UserId> onlineUsers() {
    return Set.copyOf(online);
  }

  @Override
  public synchronized void start() {
    if (repeats == null) {
      var millis = interval.toMillis();
      repeats = executor.scheduleAtFixedRate(this::repeat, millis, millis, TimeUnit.MILLISECONDS);
    }
  }

  /** Stops repeating, once the signals already asked for are sent. */
  @Override
  public synchronized void stop() {
    var current = repeats;
    if (current != null) {
      current.cancel(false);
      repeats = null;
    }
    flush();
  }

  @Override
  public synchronized boolean isRunning() {
    return repeats != null;
  }

  /** Just below the stream hub's phase: starts before it and stops after it. */
  @Override
  public int getPhase() {
    return SmartLifecycle.DEFAULT_PHASE - 1;
  }

  @Override
  public void close() {
    executor.shutdown();
  }

  private void repeat() {
    var now = clock.instant();
    for (var user : online) {
      publish(new Presence(user, instanceId, true, now, idle.contains(user)));
    }
  }

  private void send(UserId user, boolean isOnline) {
    var signal = new Presence(user, instanceId, isOnline, clock.instant(), idle.contains(user));
    try {
      executor.execute(() -> publish(signal));
    } catch (RejectedExecutionException e) {
      log.debug("presence of {} not sent: the publisher is closed", user);
    }
  }

  private void publish(Presence signal) {
    try {
      sink.accept(signal);
    } catch (RuntimeException e) {
      log.warn("presence of {} not sent: {}", signal.userId(), e.toString());
    }
  }

  private void flush() {
    try {
      executor.submit(() -> {}).get(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException | RejectedExecutionException e) {
      log.warn("presence signals may not all be sent: {}", e.toString());
    }
  }
}
