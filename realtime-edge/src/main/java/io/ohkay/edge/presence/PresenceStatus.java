package io.ohkay.edge.presence;

import java.util.Locale;

/** A user's presence as every edge's signals show it, named in lower case on the wire. */
public enum PresenceStatus {
  /** Some edge holds a live stream of the user and the user is not idle there. */
  ONLINE,
  /** Edges hold live streams of the user, all of them idle. */
  IDLE,
  /** No edge holds a live stream of the user (or its signals expired). */
  OFFLINE;

  /** {@code online}, {@code idle} or {@code offline}. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
