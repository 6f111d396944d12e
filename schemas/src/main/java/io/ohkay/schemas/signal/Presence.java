package io.ohkay.schemas.signal;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import io.ohkay.schemas.id.UserId;
import java.time.Instant;
import java.util.Objects;

/**
 * {@code presence.v1}, keyed by user id: edge instance {@code instanceId} holds at least one live
 * stream of the user ({@code online}) or no longer does. An instance repeats the online signals of
 * its users every few seconds, so a reader treats a user as online while some instance's last
 * signal is online and younger than a few of those intervals, and a crashed instance's users go
 * offline by themselves.
 *
 * @param idle the user told that instance they are away ({@code PUT /api/presence}); absent in the
 *     records written before it existed, read as {@code false}
 */
public record Presence(
    UserId userId,
    String instanceId,
    boolean online,
    Instant at,
    @JsonSetter(nulls = Nulls.AS_EMPTY) boolean idle)
    implements Signal {

  @JsonCreator
  public Presence {
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(instanceId, "instanceId");
    Objects.requireNonNull(at, "at");
  }

  /** A signal of a user who is not idle. */
  public Presence(UserId userId, String instanceId, boolean online, Instant at) {
    this(userId, instanceId, online, at, false);
  }

  @Override
  public String key() {
    return userId.toString();
  }
}
