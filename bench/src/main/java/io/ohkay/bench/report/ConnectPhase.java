package io.ohkay.bench.report;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * Subscribers joining the stream before a ladder: how long until they were all ready, and until the
 * events their connecting set off (presence: each newly online member is announced to every
 * connected co-member) stopped arriving. Steps are measured only after that.
 *
 * @param connected subscribers that connected (those already connected stayed)
 * @param readySeconds until every new subscriber had its {@code ready}
 * @param quietSeconds from the first connection until no other event arrived for a second
 * @param otherEvents events other than the bench's messages all subscribers received meanwhile, by
 *     event name
 * @param quiet whether it became quiet before the time limit
 */
public record ConnectPhase(
    int connected,
    double readySeconds,
    double quietSeconds,
    Map<String, Long> otherEvents,
    boolean quiet) {

  public ConnectPhase {
    otherEvents = Collections.unmodifiableMap(new TreeMap<>(otherEvents));
  }

  /** Every other event, whatever its name. */
  public long otherEventCount() {
    return otherEvents.values().stream().mapToLong(Long::longValue).sum();
  }
}
