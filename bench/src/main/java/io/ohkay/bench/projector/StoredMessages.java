package io.ohkay.bench.projector;

import java.sql.SQLException;
import java.util.Collection;
import javax.sql.DataSource;

/** Counts what the writers stored, so a run proves every measured message landed. */
final class StoredMessages {

  private static final String COUNT = "SELECT count(*) FROM messages WHERE kind = 'USER'";

  private StoredMessages() {}

  static long count(Collection<DataSource> serverDatabases) throws SQLException {
    long total = 0;
    for (var database : serverDatabases) {
      try (var connection = database.getConnection();
          var statement = connection.createStatement();
          var rows = statement.executeQuery(COUNT)) {
        rows.next();
        total += rows.getLong(1);
      }
    }
    return total;
  }
}
