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
 * Writes {@code sessions} of the auth database: one row per refresh-token family, its current
 * generation and expiry and, once it ended, when and why. A session ends once: the first revocation
 * stays.
 */
public final class SessionsProjection implements Projection {

  /** The {@code revoke_reason} of the sessions a deleted account still had. */
  static final String ACCOUNT_DELETED = "ACCOUNT_DELETED";

  static final Statement INSERT_SESSION =
      Statement.of(
          "sessions",
          30,
          "INSERT INTO sessions"
              + " (id, user_id, generation, created_at, refreshed_at, expires_at, ip, user_agent)"
              + " VALUES (?, ?, 0, ?, ?, ?, ?, ?)");

  static final Statement REFRESH_SESSION =
      Statement.of(
          "sessions refresh",
          60,
          "UPDATE sessions SET generation = ?, refreshed_at = ?, expires_at = ?"
              + " WHERE id = ? AND user_id = ?");

  /** After every refresh of the batch: it changes other columns, and never ends a session. */
  static final Statement REVOKE_SESSION =
      Statement.of(
          "sessions revoke",
          70,
          "UPDATE sessions SET revoked_at = ?, revoke_reason = ?"
              + " WHERE id = ? AND user_id = ? AND revoked_at IS NULL");

  /** After the single revocations of the batch, which happened before the account's deletion. */
  static final Statement REVOKE_USER_SESSIONS =
      Statement.of(
          "sessions revoke all",
          100,
          "UPDATE sessions SET revoked_at = ?, revoke_reason = ?"
              + " WHERE user_id = ? AND revoked_at IS NULL");

  @Override
  public List<Write> project(Event event) {
    var at = event.occurredAt().atOffset(ZoneOffset.UTC);
    return switch (event.payload()) {
      case SessionStarted started ->
          List.of(
              INSERT_SESSION.with(
                  started.sessionId().value(),
                  started.userId().value(),
                  at,
                  at,
                  started.expiresAt().atOffset(ZoneOffset.UTC),
                  SqlNull.text(started.ip()),
                  SqlNull.text(started.userAgent())));
      case SessionRefreshed refreshed ->
          List.of(
              REFRESH_SESSION.with(
                  refreshed.generation(),
                  at,
                  refreshed.expiresAt().atOffset(ZoneOffset.UTC),
                  refreshed.sessionId().value(),
                  refreshed.userId().value()));
      case SessionRevoked revoked ->
          List.of(
              REVOKE_SESSION.with(
                  at,
                  revoked.reason().name(),
                  revoked.sessionId().value(),
                  revoked.userId().value()));
      case UserDeleted deleted ->
          List.of(REVOKE_USER_SESSIONS.with(at, ACCOUNT_DELETED, deleted.userId().value()));
      case UserRegistered ignored -> List.of();
      case SigninFailed ignored -> List.of();
      case ProfileUpdated ignored -> List.of();
      case NotificationsRead ignored -> List.of();
      case ServerEvent ignored -> List.of();
      case DmEvent ignored -> List.of();
    };
  }
}
