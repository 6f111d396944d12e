package io.ohkay.projector.apply;

import io.ohkay.projector.notification.NotificationReadsProjection;
import io.ohkay.projector.projection.Projection;
import io.ohkay.projector.session.LoginHistoryProjection;
import io.ohkay.projector.session.SessionsProjection;
import io.ohkay.projector.user.UsersProjection;
import io.ohkay.schemas.id.UserId;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.apache.kafka.common.TopicPartition;

/** Writes the auth events topic into the auth database; the resume position is stored there. */
public final class AuthApplier implements BatchApplier {

  /** The name under which positions are stored in {@code projection_offsets}. */
  public static final String CONSUMER = "ohkay-projector.auth";

  private final DataSource auth;
  private final AppliedSeqs appliedSeqs;
  private final GuardedWriter writer;

  public AuthApplier(DataSource auth, AppliedSeqs appliedSeqs) {
    this.auth = auth;
    this.appliedSeqs = appliedSeqs;
    this.writer = new GuardedWriter(CONSUMER, projection());
  }

  /** Everything the auth database holds. */
  public static Projection projection() {
    return Projection.of(
        List.of(
            new UsersProjection(),
            new SessionsProjection(),
            new LoginHistoryProjection(),
            new NotificationReadsProjection()));
  }

  @Override
  public void apply(List<SourcedEvent> events, Map<TopicPartition, Long> nextOffsets)
      throws SQLException {
    appliedSeqs.applied(writer.write(auth, events, nextOffsets));
  }

  @Override
  public Map<TopicPartition, Long> storedOffsets(Collection<TopicPartition> partitions)
      throws SQLException {
    try (var connection = auth.getConnection()) {
      return Sql.loadOffsets(connection, CONSUMER, partitions);
    }
  }

  /** The last seq of {@code userId} committed to the auth database, 0 when none. */
  public long appliedSeq(UserId userId) throws SQLException {
    try (var connection = auth.getConnection()) {
      return Sql.loadVersion(connection, userId.value());
    }
  }
}
