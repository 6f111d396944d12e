package io.ohkay.projector.db;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the databases of one PostgreSQL cluster through its admin connection and migrates them to
 * the current schema of their kind; gives each server database its own login role, owner of the
 * database, and drops both once their server is deleted.
 */
final class Provisioner {

  private static final Logger LOG = LoggerFactory.getLogger(Provisioner.class);
  private static final String DUPLICATE_DATABASE = "42P04";

  /** The statements giving the tables of schema public to a role (parameter), quoted by format. */
  private static final String HAND_OVER_TABLES =
      "SELECT format('ALTER TABLE public.%I OWNER TO %I', c.relname, r.rolname)"
          + " FROM pg_class c, pg_roles r WHERE r.rolname = ?"
          + " AND c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p')"
          + " AND c.relowner <> r.oid ORDER BY c.relname";

  private final PostgresEndpoint endpoint;

  Provisioner(PostgresEndpoint endpoint) {
    this.endpoint = endpoint;
  }

  /** Creates {@code name} unless it exists; safe when another process creates it concurrently. */
  void createIfAbsent(String name) throws SQLException {
    try (var connection = connectTo("postgres")) {
      if (owner(connection, name).isEmpty()) {
        create(connection, name, null);
      }
    }
  }

  /**
   * Makes {@code database} exist, owned by {@code role}, a login role with {@code password}, and
   * reachable by no other role but the admins: the role is created (or its password set), the
   * database created with it as owner, connecting is revoked from PUBLIC. A database created before
   * it had its own role is handed over to the role, with its tables.
   */
  void provision(String database, String role, String password) throws SQLException {
    try (var connection = connectTo("postgres")) {
      LoginRoles.ensure(connection, role, password);
      var owner = owner(connection, database);
      if (owner.isEmpty()) {
        create(connection, database, role);
      } else {
        handOver(connection, database, owner.get(), role);
      }
      execute(
          connection, "REVOKE CONNECT ON DATABASE " + Identifiers.quote(database) + " FROM PUBLIC");
    }
  }

  /**
   * Drops {@code database} if it exists, closing whatever connections it still has (a projector
   * that has not seen the deletion yet, a reader), then its login role {@code role}, if any.
   */
  void dropIfExists(String database, String role) throws SQLException {
    try (var connection = connectTo("postgres")) {
      execute(
          connection, "DROP DATABASE IF EXISTS " + Identifiers.quote(database) + " WITH (FORCE)");
      LoginRoles.dropIfExists(connection, role);
      LOG.info("Dropped database {} and role {} on {}", database, role, endpoint);
    }
  }

  /** The existing databases and roles whose names start with {@code prefix}. */
  List<String> existing(String prefix) throws SQLException {
    try (var connection = connectTo("postgres");
        var select =
            connection.prepareStatement(
                "SELECT datname FROM pg_database WHERE starts_with(datname, ?)"
                    + " UNION SELECT rolname FROM pg_roles WHERE starts_with(rolname, ?)"
                    + " ORDER BY 1")) {
      select.setString(1, prefix);
      select.setString(2, prefix);
      var names = new ArrayList<String>();
      try (var rows = select.executeQuery()) {
        while (rows.next()) {
          names.add(rows.getString(1));
        }
      }
      return names;
    }
  }

  private Connection connectTo(String database) throws SQLException {
    return DriverManager.getConnection(
        endpoint.jdbcUrl(database), endpoint.username(), endpoint.password());
  }

  /** The owner of {@code database}, empty when it does not exist. */
  private static Optional<String> owner(Connection connection, String database)
      throws SQLException {
    try (var select =
        connection.prepareStatement(
            "SELECT pg_get_userbyid(datdba) FROM pg_database WHERE datname = ?")) {
      select.setString(1, database);
      try (var rows = select.executeQuery()) {
        return rows.next() ? Optional.of(rows.getString(1)) : Optional.empty();
      }
    }
  }

  private void create(Connection connection, String name, @Nullable String owner)
      throws SQLException {
    var sql = "CREATE DATABASE " + Identifiers.quote(name);
    try {
      execute(connection, owner == null ? sql : sql + " OWNER " + Identifiers.quote(owner));
      LOG.info("Created database {}", name);
    } catch (SQLException e) {
      if (!DUPLICATE_DATABASE.equals(e.getSQLState())) {
        throw e;
      }
      if (owner != null) {
        handOver(connection, name, owner(connection, name).orElse(owner), owner);
      }
    }
  }

  /**
   * Makes {@code role} the owner of the existing {@code database} and of its tables (with their
   * sequences), if they are someone else's: a database created before it had its own role, or one
   * whose hand-over a crash interrupted.
   */
  private void handOver(Connection connection, String database, String owner, String role)
      throws SQLException {
    if (!owner.equals(role)) {
      execute(
          connection,
          "ALTER DATABASE " + Identifiers.quote(database) + " OWNER TO " + Identifiers.quote(role));
      LOG.info("Handed database {} over to its role {}", database, role);
    }
    try (var inDatabase = connectTo(database)) {
      for (var alter : strings(inDatabase, HAND_OVER_TABLES, role)) {
        execute(inDatabase, alter);
      }
    }
  }

  private static List<String> strings(Connection connection, String sql, String parameter)
      throws SQLException {
    try (var select = connection.prepareStatement(sql)) {
      select.setString(1, parameter);
      var values = new ArrayList<String>();
      try (var rows = select.executeQuery()) {
        while (rows.next()) {
          values.add(rows.getString(1));
        }
      }
      return values;
    }
  }

  private static void execute(Connection connection, String sql) throws SQLException {
    try (var statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  /** Applies the pending migrations of {@code kind}. */
  static void migrate(DataSource dataSource, DatabaseKind kind) {
    Flyway.configure(Provisioner.class.getClassLoader())
        .dataSource(dataSource)
        .locations("classpath:" + kind.migrations())
        .table(kind.historyTable())
        .load()
        .migrate();
  }
}
