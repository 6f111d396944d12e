package io.ohkay.command.dm;

import io.ohkay.schemas.id.UserId;
import io.ohkay.schemas.signal.Presence;
import io.ohkay.schemas.signal.Signal;
import io.ohkay.schemas.signal.Typing;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Who has a live stream somewhere, from the presence signals of every edge instance: a user is
 * online while some instance's last signal for them is online and younger than {@code ttl} (the
 * instances repeat theirs well within it, so a crashed instance's users go offline by themselves).
 * An idle user is online: idle still holds a stream. Typing signals are ignored.
 */
public final class PresenceView {

  private final Duration ttl;
  private final InstantSource clock;

  /** User → instance → the time of that instance's last online signal for them. */
  private final Map<UserId, Map<String, Instant>> online = new ConcurrentHashMap<>();

  private volatile Instant swept = Instant.EPOCH;

  public PresenceView(Duration ttl, InstantSource clock) {
    this.ttl = ttl;
    this.clock = clock;
  }

  /** Learns from one signal; cheap, called on the signal listener's thread. */
  public void accept(Signal signal) {
    switch (signal) {
      case Presence presence -> apply(presence);
      case Typing typing -> {
        // Typing says nothing about who has a live stream.
      }
    }
    sweepIfDue();
  }

  /** Whether {@code user} has a live stream on some instance now. */
  public boolean isOnline(UserId user) {
    var instances = online.get(user);
    return instances != null && instances.values().stream().anyMatch(this::fresh);
  }

  private void apply(Presence presence) {
    online.compute(
        presence.userId(),
        (user, instances) -> {
          var next = new HashMap<String, Instant>(instances == null ? Map.of() : instances);
          if (presence.online()) {
            next.put(presence.instanceId(), presence.at());
          } else {
            next.remove(presence.instanceId());
          }
          return next.isEmpty() ? null : Map.copyOf(next);
        });
  }

  private boolean fresh(Instant at) {
    return at.isAfter(clock.instant().minus(ttl));
  }

  /** Forgets, once per {@code ttl}, the users whose every signal has expired. */
  private void sweepIfDue() {
    var now = clock.instant();
    if (now.isBefore(swept.plus(ttl))) {
      return;
    }
    swept = now;
    online.entrySet().removeIf(entry -> entry.getValue().values().stream().noneMatch(this::fresh));
  }
}
