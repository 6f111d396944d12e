package io.ohkay.projector.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.regex.Pattern;
import org.postgresql.PGConnection;

/**
 * The login roles of server databases on one cluster, managed through its admin connection. The
 * password is sent as a SCRAM-SHA-256 verifier computed here (pgjdbc's {@code alterUserPassword}),
 * so the plaintext appears in no statement PostgreSQL could log.
 */
final class LoginRoles {

  /** Server passwords are base64url ({@code ServerCredentials.passwordOf}): nothing to escape. */
  private static final Pattern PASSWORD = Pattern.compile("[A-Za-z0-9_-]{16,128}");

  private static final String DUPLICATE_ROLE = "42710";

  private LoginRoles() {}

  /** Creates {@code role} able to log in unless it exists, then sets its password. */
  static void ensure(Connection admin, String role, String password) throws SQLException {
    if (!PASSWORD.matcher(password).matches()) {
      throw new IllegalArgumentException("the password of role " + role + " is not base64url");
    }
    if (!exists(admin, role)) {
      create(admin, role);
    }
    try (var statement = admin.createStatement()) {
      statement.execute("ALTER ROLE " + Identifiers.quote(role) + " WITH LOGIN");
    }
    admin
        .unwrap(PGConnection.class)
        .alterUserPassword(role, password.toCharArray(), "scram-sha-256");
  }

  /** Drops {@code role} if it exists; its database must be dropped first. */
  static void dropIfExists(Connection admin, String role) throws SQLException {
    try (var statement = admin.createStatement()) {
      statement.execute("DROP ROLE IF EXISTS " + Identifiers.quote(role));
    }
  }

  private static boolean exists(Connection admin, String role) throws SQLException {
    try (var select = admin.prepareStatement("SELECT 1 FROM pg_roles WHERE rolname = ?")) {
      select.setString(1, role);
      try (var rows = select.executeQuery()) {
        return rows.next();
      }
    }
  }

  private static void create(Connection admin, String role) throws SQLException {
    try (var statement = admin.createStatement()) {
      statement.execute("CREATE ROLE " + Identifiers.quote(role) + " LOGIN");
    } catch (SQLException e) {
      // Another process created it meanwhile: its password is set next, as for an existing one.
      if (!DUPLICATE_ROLE.equals(e.getSQLState())) {
        throw e;
      }
    }
  }
}
