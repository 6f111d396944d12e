package io.ohkay.projector;

import io.ohkay.projector.kafka.ConsumerStatus;
import io.ohkay.schemas.id.ConversationId;
import io.ohkay.schemas.id.ServerId;
import io.ohkay.schemas.id.UserId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.common.TopicPartition;

/**
 * What the projections have applied, read from PostgreSQL (the committed truth, not the consumer's
 * memory). Methods throw {@link ProjectorUnavailableException} when the database cannot be read.
 */
public interface ProjectorStatus {

  /**
   * The last seq of {@code serverId} committed to the registry, 0 when none. Server databases
   * commit before the registry, so the server's own database has at least this seq too.
   */
  long appliedSeq(ServerId serverId);

  /** The last seq of {@code userId} committed to the auth database, 0 when none. */
  long appliedSeq(UserId userId);

  /** The last seq of {@code conversationId} committed to the DM database, 0 when none. */
  long appliedSeq(ConversationId conversationId);

  /**
   * Completes with the applied seq once {@code serverId} reached {@code seq} in the registry and
   * its own database (read-your-writes); callers bound the wait with {@code orTimeout}.
   */
  CompletableFuture<Long> whenApplied(ServerId serverId, long seq);

  /**
   * Completes with the applied seq once {@code userId} reached {@code seq} in the auth database.
   */
  CompletableFuture<Long> whenApplied(UserId userId, long seq);

  /**
   * Completes with the applied seq once {@code conversationId} reached {@code seq} in the DM
   * database.
   */
  CompletableFuture<Long> whenApplied(ConversationId conversationId, long seq);

  /**
   * True when the stored positions of the events topics' partitions reached the given end offsets
   * (for example from {@code Admin.listOffsets} with {@code IsolationLevel.READ_COMMITTED}).
   */
  boolean caughtUpTo(Map<TopicPartition, Long> endOffsets);

  /** What each consumer is doing. */
  List<ConsumerStatus> consumers();
}
