package io.ohkay.projector.notification;

import io.ohkay.projector.projection.Projection;
import io.ohkay.projector.projection.Statement;
import io.ohkay.projector.projection.Write;
import io.ohkay.schemas.event.DmEvent;
import io.ohkay.schemas.event.Event;
import io.ohkay.schemas.event.NotificationsRead;
import io.ohkay.schemas.event.ProfileUpdated;
import io.ohkay.schemas.event.ServerEvent;
import io.ohkay.schemas.event.SessionRefreshed;
import io.ohkay.schemas.event.SessionRevoked;
import io.ohkay.schemas.event.SessionStarted;
import io.ohkay.schemas.event.SigninFailed;
import io.ohkay.schemas.event.UserDeleted;
import io.ohkay.schemas.event.UserRegistered;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Writes {@code notification_reads} and {@code notification_watermarks} of the auth database from
 * the auth events: one notification marked read, or every notification of the user up to the mark's
 * time. The notifications themselves come from the server events, consumed independently, so a mark
 * names its notification without needing its row: both writes are upserts that keep their first
 * (one notification) or latest (all) time, and give the same rows in any order. One projection owns
 * both tables because they are read together as one read state: a notification is read when it has
 * a row in the first or occurred no later than its user's watermark in the second.
 */
public final class NotificationReadsProjection implements Projection {

  /** The first time a notification was marked read stays. */
  static final Statement READ_ONE =
      Statement.of(
          "notification_reads",
          45,
          "INSERT INTO notification_reads (notification_id, user_id, read_at) VALUES (?, ?, ?)"
              + " ON CONFLICT (user_id, notification_id) DO NOTHING");

  /** Only moves forward; rows of one user in a batch are one, the latest. */
  static final Statement READ_ALL =
      new Statement(
          "notification_watermarks",
          46,
          "INSERT INTO notification_watermarks (user_id, read_before) VALUES (?, ?)"
              + " ON CONFLICT (user_id) DO UPDATE"
              + " SET read_before = greatest(notification_watermarks.read_before,"
              + " EXCLUDED.read_before)",
          Statement.Merge.LATEST_LAST);

  @Override
  public List<Write> project(Event event) {
    return switch (event.payload()) {
      case NotificationsRead read -> List.of(read(event, read));
      case UserRegistered ignored -> List.of();
      case SessionStarted ignored -> List.of();
      case SessionRefreshed ignored -> List.of();
      case SessionRevoked ignored -> List.of();
      case SigninFailed ignored -> List.of();
      case ProfileUpdated ignored -> List.of();
      case UserDeleted ignored -> List.of();
      case ServerEvent ignored -> List.of();
      case DmEvent ignored -> List.of();
    };
  }

  private static Write read(Event event, NotificationsRead read) {
    var at = event.occurredAt().atOffset(ZoneOffset.UTC);
    var user = read.userId().value();
    var notification = read.notificationId();
    return notification == null ? READ_ALL.with(user, at) : READ_ONE.with(notification, user, at);
  }
}
