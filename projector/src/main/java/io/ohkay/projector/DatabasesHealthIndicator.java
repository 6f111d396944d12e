package io.ohkay.projector;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Health {@code databases}: runs {@code SELECT 1} on every database the projector has a pool for
 * (auth, registry, DMs and the recently written server databases); down when one fails.
 */
final class DatabasesHealthIndicator implements HealthIndicator {

  private static final int QUERY_TIMEOUT_SECONDS = 2;

  private final Projector projector;

  DatabasesHealthIndicator(Projector projector) {
    this.projector = projector;
  }

  @Override
  public Health health() {
    if (!projector.isRunning()) {
      return Health.outOfService().build();
    }
    var results = new LinkedHashMap<String, Object>();
    var healthy = true;
    for (var database : projector.openDatabases().entrySet()) {
      var result = check(database.getValue());
      if (result != null) {
        results.put(database.getKey(), result);
        healthy &= "UP".equals(result);
      }
    }
    return (healthy ? Health.up() : Health.down()).withDetails(results).build();
  }

  /** "UP", the failure, or null for a pool closed meanwhile (evicted, not broken). */
  private static @Nullable String check(DataSource database) {
    try (var connection = database.getConnection();
        var statement = connection.createStatement()) {
      statement.setQueryTimeout(QUERY_TIMEOUT_SECONDS);
      statement.execute("SELECT 1");
      return "UP";
    } catch (SQLException e) {
      if (database instanceof HikariDataSource pool && pool.isClosed()) {
        return null;
      }
      return "DOWN: " + e.getMessage();
    }
  }
}
