package io.ohkay.schemas.signal;

import io.ohkay.schemas.id.UserId;
import java.time.Instant;
import java.util.Objects;

/**
 * {@code presence.v1}, keyed by user id: edge instance {@code instanceId} holds at least one live
 * stream of the user ({@code online}) or no longer does. An instance repeats the online signals of
 * its users every few seconds, so a reader treats a user as online while some instance's last
 * signal is online and younger than a few of those intervals, and a crashed instance's users go
 * offline by themselves.
 */
public record Presence(UserId userId, String instanceId, boolean online, Instant at)
    implements Signal {

  public Presence {
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(instanceId, "instanceId");
    Objects.requireNonNull(at, "at");
  }
}
