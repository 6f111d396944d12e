package io.ohkay.command.user;

import io.ohkay.command.web.ProblemException;
import io.ohkay.schemas.error.ErrorCode;
import io.ohkay.schemas.id.UserId;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Reads what the write side needs before it sends a command: an account's password hash (by e-mail
 * for sign-in, by id for deletion), from the recent outcomes or else {@code ohkay_auth}, and the
 * servers an account owns from the registry. Blocking JDBC: call off the event loop.
 */
public final class Credentials {

  private static final Logger log = LoggerFactory.getLogger(Credentials.class);

  private final DataSource auth;
  private final DataSource registry;
  private final RecentAccounts recent;

  public Credentials(DataSource auth, DataSource registry, RecentAccounts recent) {
    this.auth = auth;
    this.registry = registry;
    this.recent = recent;
  }

  /** A live account's id, password hash and display name. */
  record Credential(UserId userId, String passwordHash, String displayName) {

    @Override
    public String toString() {
      return "Credential[userId=" + userId + "]";
    }
  }

  /** The live account of an e-mail: a recent registration first, else the projection. */
  Optional<Credential> byEmail(String email) {
    return recent
        .byEmail(email)
        .or(() -> credential("u.email = ?", email))
        .filter(found -> !recent.deleted(found.userId()));
  }

  Optional<Credential> byId(UserId user) {
    if (recent.deleted(user)) {
      return Optional.empty();
    }
    return recent.byId(user).or(() -> credential("u.id = ?", user.value()));
  }

  private Optional<Credential> credential(String where, Object value) {
    var sql =
        "SELECT u.id, u.password_hash, p.display_name FROM users u"
            + " JOIN user_profiles p ON p.user_id = u.id WHERE u.deleted_at IS NULL AND "
            + where
            // A released address's previous owner may not be erased here yet: the newest wins.
            + " ORDER BY u.created_at DESC LIMIT 1";
    try (var connection = auth.getConnection();
        var statement = connection.prepareStatement(sql)) {
      statement.setObject(1, value);
      try (var rows = statement.executeQuery()) {
        if (!rows.next()) {
          return Optional.empty();
        }
        return Optional.of(
            new Credential(
                new UserId(rows.getObject(1, UUID.class)), rows.getString(2), rows.getString(3)));
      }
    } catch (SQLException e) {
      throw unavailable(e);
    }
  }

  /**
   * {@code other}, once known to be a live account and not {@code actor}: what a command naming
   * another user (a DM recipient, a blocked user, an invitee) needs before it is sent. Fails with
   * VALIDATION_FAILED for the actor themselves and ACCOUNT_NOT_FOUND for an unknown or deleted
   * account; looks up off the event loop.
   */
  public Mono<UserId> otherAccount(UserId actor, UserId other) {
    if (actor.equals(other)) {
      return Mono.error(
          new ProblemException(ErrorCode.VALIDATION_FAILED, "Name another user than yourself."));
    }
    return Mono.fromCallable(() -> byId(other).isPresent())
        .subscribeOn(Schedulers.boundedElastic())
        .flatMap(
            live ->
                live
                    ? Mono.just(other)
                    : Mono.error(
                        new ProblemException(ErrorCode.ACCOUNT_NOT_FOUND, "No such account.")));
  }

  /** How many servers {@code user} owns. */
  int ownedServers(UserId user) {
    try (var connection = registry.getConnection();
        var statement =
            connection.prepareStatement("SELECT count(*) FROM servers WHERE owner_id = ?")) {
      statement.setObject(1, user.value());
      try (var rows = statement.executeQuery()) {
        rows.next();
        return rows.getInt(1);
      }
    } catch (SQLException e) {
      throw unavailable(e);
    }
  }

  /** Whether {@code ohkay_auth} has applied the aggregate's events up to {@code seq}. */
  boolean applied(UUID aggregate, long seq) {
    try (var connection = auth.getConnection();
        var statement =
            connection.prepareStatement(
                "SELECT seq FROM aggregate_versions WHERE aggregate_id = ?")) {
      statement.setObject(1, aggregate);
      try (var rows = statement.executeQuery()) {
        return rows.next() && rows.getLong(1) >= seq;
      }
    } catch (SQLException e) {
      throw unavailable(e);
    }
  }

  private static ProblemException unavailable(SQLException cause) {
    log.warn("account database unavailable: {}", cause.getMessage());
    return new ProblemException(ErrorCode.UNAVAILABLE, "The account database is unavailable.");
  }
}
