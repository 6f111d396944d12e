package io.ohkay.edge.server;

import java.time.LocalDate;
import java.util.List;

/**
 * {@code GET /api/servers/{id}/stats}: the member count and the messages posted per day (UTC) over
 * the last {@link #DAYS} days that saw any, oldest first.
 */
record ServerStats(long members, List<Day> messagesPerDay) {

  /** How many days back the daily counts go. */
  static final int DAYS = 30;

  /** The messages posted on one day. */
  record Day(LocalDate day, long messages) {}
}
