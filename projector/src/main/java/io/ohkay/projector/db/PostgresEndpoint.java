package io.ohkay.projector.db;

/**
 * Where the projected databases live and how to log in.
 *
 * @param host server host name or address
 * @param port server port
 * @param username a role allowed to create databases
 * @param password its password, empty for trust authentication
 */
public record PostgresEndpoint(String host, int port, String username, String password) {

  /**
   * The JDBC URL of {@code database}; inserts of one JDBC batch are rewritten into multi-row
   * statements ({@code reWriteBatchedInserts}).
   */
  public String jdbcUrl(String database) {
    return "jdbc:postgresql://%s:%d/%s?reWriteBatchedInserts=true&ApplicationName=ohkay-projector"
        .formatted(host, port, database);
  }

  @Override
  public String toString() {
    return "PostgresEndpoint[" + username + "@" + host + ":" + port + "]";
  }
}
