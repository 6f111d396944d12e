package io.ohkay.projector.apply;

import io.ohkay.projector.dm.DmBlocksProjection;
import io.ohkay.projector.dm.DmConversationsProjection;
import io.ohkay.projector.dm.DmMessagesProjection;
import io.ohkay.projector.dm.DmReadStatusProjection;
import io.ohkay.projector.projection.Projection;
import io.ohkay.schemas.id.ConversationId;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.apache.kafka.common.TopicPartition;
import org.jspecify.annotations.Nullable;

/**
 * Writes the DM events topic: per batch, first the notifications of offline recipients in the auth
 * database, then the DM database, whose offsets are the resume position. A crash between the
 * commits redelivers the batch, and the auth database's seq guard skips what it already has. Given
 * the auth database, every batch writes it, so while it is down the DM database waits too (see
 * {@link NotificationWrites}).
 */
public final class DmEventsApplier implements BatchApplier {

  /** The name under which positions are stored in {@code projection_offsets}. */
  public static final String CONSUMER = "ohkay-projector.dm";

  private final @Nullable DataSource dms;
  private final AppliedSeqs appliedSeqs;
  private final GuardedWriter writer;
  private final NotificationWrites notifications;

  /**
   * @param dms the DM database, or null to leave it alone (rebuild of the auth database)
   * @param auth the auth database, for the notifications, or null to leave it alone
   * @param appliedSeqs told about every DM database commit
   */
  public DmEventsApplier(
      @Nullable DataSource dms, @Nullable DataSource auth, AppliedSeqs appliedSeqs) {
    this.dms = dms;
    this.appliedSeqs = appliedSeqs;
    this.writer = new GuardedWriter(CONSUMER, projection());
    this.notifications = new NotificationWrites(CONSUMER, auth);
  }

  /** Everything the DM database holds. */
  public static Projection projection() {
    return Projection.of(
        List.of(
            new DmConversationsProjection(),
            new DmMessagesProjection(),
            new DmReadStatusProjection(),
            new DmBlocksProjection()));
  }

  @Override
  public void apply(List<SourcedEvent> events, Map<TopicPartition, Long> nextOffsets)
      throws SQLException {
    notifications.write(events);
    if (dms != null) {
      appliedSeqs.applied(writer.write(dms, events, nextOffsets));
    }
  }

  @Override
  public Map<TopicPartition, Long> storedOffsets(Collection<TopicPartition> partitions)
      throws SQLException {
    if (dms == null) {
      return Map.of();
    }
    try (var connection = dms.getConnection()) {
      return Sql.loadOffsets(connection, CONSUMER, partitions);
    }
  }

  /** The last seq of {@code conversationId} committed to the DM database, 0 when none. */
  public long appliedSeq(ConversationId conversationId) throws SQLException {
    if (dms == null) {
      return 0L;
    }
    try (var connection = dms.getConnection()) {
      return Sql.loadVersion(connection, conversationId.value());
    }
  }
}
