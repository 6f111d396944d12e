package io.ohkay.projector.db;

import io.ohkay.schemas.event.ServerCreated;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

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

  /**
   * The clusters of server databases, by name: those configured, in order, or when none is, one
   * cluster {@value ServerCreated#DEFAULT_CLUSTER} at {@code home}, the server of the shared
   * databases.
   */
  public static Map<String, PostgresEndpoint> clusters(
      PostgresEndpoint home, Map<String, PostgresEndpoint> configured) {
    return configured.isEmpty()
        ? Map.of(ServerCreated.DEFAULT_CLUSTER, home)
        : Collections.unmodifiableMap(new LinkedHashMap<>(configured));
  }

  @Override
  public String toString() {
    return "PostgresEndpoint[" + username + "@" + host + ":" + port + "]";
  }
}
