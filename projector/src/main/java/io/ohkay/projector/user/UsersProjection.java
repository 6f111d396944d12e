package io.ohkay.projector.user;

import io.ohkay.projector.projection.Projection;
import io.ohkay.projector.projection.Statement;
import io.ohkay.projector.projection.Write;
import io.ohkay.schemas.event.Event;
import io.ohkay.schemas.event.ServerEvent;
import io.ohkay.schemas.event.UserRegistered;
import java.time.ZoneOffset;
import java.util.List;

/** Writes {@code users} and {@code user_profiles} of the auth database. */
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

  @Override
  public List<Write> project(Event event) {
    return switch (event.payload()) {
      case UserRegistered registered -> registered(event, registered);
      case ServerEvent ignored -> List.of();
    };
  }

  private static List<Write> registered(Event event, UserRegistered registered) {
    var at = event.occurredAt().atOffset(ZoneOffset.UTC);
    var id = registered.userId().value();
    return List.of(
        INSERT_USER.with(id, registered.email(), registered.passwordHash(), at),
        INSERT_PROFILE.with(id, registered.displayName(), at));
  }
}
