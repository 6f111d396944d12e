package io.ohkay.edge.kafka;

import java.util.Collection;

/**
 * Receives the feed, always on the feed's one poll thread, in partition order. Implementations must
 * not block: a slow listener delays every connection.
 */
public interface FeedListener {

  /** The id of the cluster the feed reads, when the consumer learns it (may repeat). */
  default void onCluster(String clusterId) {}

  /** Partitions were assigned (at start, or when a topic or partition appeared) at positions. */
  void onAssigned(Collection<FeedPosition> positions);

  /** A committed event. */
  void onRecord(FeedRecord record);

  /**
   * The position moved past records that are no events: an unreadable one (skipped), transaction
   * markers or aborted records. Every edge thereby stands at the same position once it has read as
   * far, whatever it started from (one that starts at a partition's end is already past its last
   * markers).
   */
  void onPassed(FeedPosition next);

  /**
   * The records of one poll have all been given (there may have been none): what they set off can
   * go out together.
   */
  default void onPolled() {}
}
