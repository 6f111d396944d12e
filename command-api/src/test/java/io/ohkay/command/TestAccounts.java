package io.ohkay.command;

import io.ohkay.command.user.Credentials;
import io.ohkay.command.user.RecentAccounts;
import io.ohkay.platform.infra.SharedInfrastructure;
import io.ohkay.schemas.id.UserId;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * An account database ({@code <prefix>auth}, the projector's users and profiles) on the shared
 * embedded PostgreSQL, for route ITs whose commands name other users: the accounts they may name.
 */
public final class TestAccounts {

  private final String database;
  private final DataSource source;

  private TestAccounts(String database, DataSource source) {
    this.database = database;
    this.source = source;
  }

  /** Creates {@code <prefix>auth} with the tables the command API reads, empty. */
  public static TestAccounts create(String prefix) throws SQLException {
    var postgres = SharedInfrastructure.get().postgres();
    var database = prefix + "auth";
    postgres.createDatabaseIfAbsent(database);
    execute(
        database,
        "CREATE TABLE users (id uuid PRIMARY KEY, email text, password_hash text,"
            + " created_at timestamptz NOT NULL, deleted_at timestamptz)",
        "CREATE TABLE user_profiles (user_id uuid PRIMARY KEY REFERENCES users (id),"
            + " display_name text NOT NULL)");
    var source = new PGSimpleDataSource();
    source.setURL(postgres.jdbcUrl(database));
    source.setUser(postgres.username());
    source.setPassword(postgres.password());
    return new TestAccounts(database, source);
  }

  /** Live accounts of these users, as the projector writes them. */
  public TestAccounts add(UserId... users) throws SQLException {
    for (var user : users) {
      execute(
          database,
          "INSERT INTO users VALUES ('%s', '%s@example.com', 'hash', now(), null)"
              .formatted(user, user),
          "INSERT INTO user_profiles VALUES ('%s', 'User')".formatted(user));
    }
    return this;
  }

  /** The account of {@code user} deleted: the tombstone the projector keeps. */
  public void delete(UserId user) throws SQLException {
    execute(
        database,
        "UPDATE users SET deleted_at = now(), email = null, password_hash = null WHERE id = '%s'"
            .formatted(user));
  }

  /** The lookups of the write side over these accounts and {@code recent} registrations. */
  public Credentials credentials(RecentAccounts recent) {
    return new Credentials(source, source, recent);
  }

  private static void execute(String database, String... statements) throws SQLException {
    try (var connection = SharedInfrastructure.get().postgres().connect(database);
        var statement = connection.createStatement()) {
      for (var sql : statements) {
        statement.execute(sql);
      }
    }
  }
}
