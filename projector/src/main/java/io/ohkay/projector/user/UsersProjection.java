package io.ohkay.projector.user;

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
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Writes {@code users} and {@code user_profiles} of the auth database. A deleted account stays as a
 * tombstone: its e-mail and password hash are erased and its profile is removed.
 *
 * <p>Statement order in the auth database: inserts (users 10, user_profiles 20, sessions 30,
 * login_history 40, notification_reads 45, notification_watermarks 46), then updates (profiles 50,
 * sessions 60 and 70), then what a deletion, the last fact of an account, does (80 onwards), so a
 * batch ends as its events did one by one.
 */
public final class UsersProjection implements Projection {

  static final Statement INSERT_USER =
      Statement.of(
          "users",
          10,
          "INSERT INTO users (id, email, password_hash, created_at) VALUES (?, ?, ?, ?)");

  static final Statement INSERT_PROFILE =
      Statement.of(
          "user_profiles",
          20,
          "INSERT INTO user_profiles (user_id, display_name, updated_at) VALUES (?, ?, ?)");

  static final Statement UPDATE_PROFILE =
      Statement.of(
          "user_profiles update",
          50,
          "UPDATE user_profiles SET display_name = ?, avatar_url = ?, bio = ?, updated_at = ?"
              + " WHERE user_id = ?");

  static final Statement DELETE_PROFILE =
      Statement.of("user_profiles delete", 80, "DELETE FROM user_profiles WHERE user_id = ?");

  /**
   * The e-mail is free again at once; a batch may already hold its next registration, which the
   * deferred unique constraint on {@code users.email} lets run before this erasure.
   */
  static final Statement ERASE_USER =
      Statement.of(
          "users erase",
          90,
          "UPDATE users SET email = NULL, password_hash = NULL, deleted_at = ?"
              + " WHERE id = ? AND deleted_at IS NULL");

  @Override
  public List<Write> project(Event event) {
    var at = event.occurredAt().atOffset(ZoneOffset.UTC);
    return switch (event.payload()) {
      case UserRegistered registered -> registered(registered, at);
      case ProfileUpdated updated ->
          List.of(
              UPDATE_PROFILE.with(
                  updated.displayName(),
                  SqlNull.text(updated.avatarUrl()),
                  SqlNull.text(updated.bio()),
                  at,
                  updated.userId().value()));
      case UserDeleted deleted ->
          List.of(
              DELETE_PROFILE.with(deleted.userId().value()),
              ERASE_USER.with(at, deleted.userId().value()));
      case SessionStarted ignored -> List.of();
      case SessionRefreshed ignored -> List.of();
      case SessionRevoked ignored -> List.of();
      case SigninFailed ignored -> List.of();
      case NotificationsRead ignored -> List.of();
      case ServerEvent ignored -> List.of();
      case DmEvent ignored -> List.of();
    };
  }

  private static List<Write> registered(UserRegistered registered, OffsetDateTime at) {
    var id = registered.userId().value();
    return List.of(
        INSERT_USER.with(id, registered.email(), registered.passwordHash(), at),
        INSERT_PROFILE.with(id, registered.displayName(), at));
  }
}
