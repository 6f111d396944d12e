package io.ohkay.projector.apply;

import io.ohkay.projector.notification.NotificationsProjection;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * The notifications the events of another topic than the auth events give (mentions and invites
 * from the server events, messages to offline recipients from the DM events), written into the auth
 * database under that topic's consumer, with each aggregate's seq and the position after the batch.
 *
 * <p>Given the auth database (the running projector always gives it), every batch of those topics
 * is written here, those that notify nobody too, so that a notifications query finds any write of
 * theirs applied (read-your-writes). So while the auth database is down, the server and DM events
 * are not projected either: their batches fail here and are retried, and their consumers wait for
 * the auth database.
 */
final class NotificationWrites {

  private final @Nullable DataSource auth;
  private final GuardedWriter writer;

  /**
   * @param consumer the name under which the topic's positions are stored
   * @param auth the auth database, or null to leave it alone
   */
  NotificationWrites(String consumer, @Nullable DataSource auth) {
    this.auth = auth;
    this.writer = new GuardedWriter(consumer, new NotificationsProjection());
  }

  /**
   * Writes the notifications of {@code events} and records every one of them as applied, those that
   * notify nobody too: a notifications query carrying the position of any write (a message that
   * mentions nobody, a DM to an online recipient) then finds it applied instead of waiting it out.
   */
  void write(List<SourcedEvent> events) throws SQLException {
    if (auth != null && !events.isEmpty()) {
      writer.write(auth, events, SourcedEvent.nextOffsets(events));
    }
  }
}
