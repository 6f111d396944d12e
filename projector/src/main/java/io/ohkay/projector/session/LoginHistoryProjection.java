package io.ohkay.projector.session;

import io.ohkay.projector.projection.Projection;
import io.ohkay.projector.projection.SqlNull;
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
 * Writes {@code login_history} of the auth database: every sign-in attempt on an account, keyed by
 * the event's id so a rebuild writes the same rows. The rows outlive the account.
 */
public final class LoginHistoryProjection implements Projection {

  /** After {@code sessions} (30): a successful attempt names the session it started. */
  static final Statement INSERT_ATTEMPT =
      Statement.of(
          "login_history",
          40,
          "INSERT INTO login_history"
              + " (event_id, user_id, occurred_at, success, session_id, ip, user_agent)"
              + " VALUES (?, ?, ?, ?, ?, ?, ?)");

  @Override
  public List<Write> project(Event event) {
    return switch (event.payload()) {
      case SessionStarted started ->
          List.of(
              attempt(
                  event,
                  true,
                  started.sessionId().value(),
                  SqlNull.text(started.ip()),
                  SqlNull.text(started.userAgent())));
      case SigninFailed failed ->
          List.of(
              attempt(
                  event,
                  false,
                  SqlNull.UUID,
                  SqlNull.text(failed.ip()),
                  SqlNull.text(failed.userAgent())));
      case UserRegistered ignored -> List.of();
      case SessionRefreshed ignored -> List.of();
      case SessionRevoked ignored -> List.of();
      case ProfileUpdated ignored -> List.of();
      case UserDeleted ignored -> List.of();
      case NotificationsRead ignored -> List.of();
      case ServerEvent ignored -> List.of();
      case DmEvent ignored -> List.of();
    };
  }

  private static Write attempt(
      Event event, boolean success, Object sessionId, Object ip, Object userAgent) {
    return INSERT_ATTEMPT.with(
        event.eventId(),
        event.aggregateId(),
        event.occurredAt().atOffset(ZoneOffset.UTC),
        success,
        sessionId,
        ip,
        userAgent);
  }
}
