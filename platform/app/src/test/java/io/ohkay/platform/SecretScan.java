package io.ohkay.platform;

import io.ohkay.platform.infra.SharedInfrastructure;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.IsolationLevel;

/**
 * Looks for secrets where they must never be: every record (keys, values, headers; aborted ones
 * too) of every topic of a namespace, Kafka Streams changelogs included, and every row of every
 * table of every database of the namespace.
 */
final class SecretScan {

  private SecretScan() {}

  /**
   * What a scan found.
   *
   * @param found where a secret was, as "topic-partition@offset" or "database.table"
   * @param records how many records were read (to prove the scan read something)
   * @param rows how many rows were read
   */
  record Result(List<String> found, long records, long rows) {}

  static Result find(String namespace, Collection<String> secrets)
      throws SQLException, ExecutionException, InterruptedException {
    var found = new ArrayList<String>();
    var records = inTopics(namespace, secrets, found);
    var rows = inDatabases(namespace, secrets, found);
    return new Result(found, records, rows);
  }

  private static long inTopics(String namespace, Collection<String> secrets, List<String> found)
      throws ExecutionException, InterruptedException {
    var bootstrap = SharedInfrastructure.get().kafka().bootstrapServers();
    List<String> topics;
    try (var admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
      topics =
          admin.listTopics().names().get().stream().filter(t -> t.startsWith(namespace)).toList();
    }
    return TopicReader.readToEnd(
        topics,
        IsolationLevel.READ_UNCOMMITTED,
        record -> {
          var text = new StringBuilder();
          text.append(utf8(record.key())).append(utf8(record.value()));
          record.headers().forEach(h -> text.append(h.key()).append(utf8(h.value())));
          if (secrets.stream().anyMatch(s -> text.indexOf(s) >= 0)) {
            found.add(record.topic() + "-" + record.partition() + "@" + record.offset());
          }
        });
  }

  private static long inDatabases(String namespace, Collection<String> secrets, List<String> found)
      throws SQLException {
    var postgres = SharedInfrastructure.get().postgres();
    var databases = new ArrayList<String>();
    try (var connection = postgres.connect("postgres");
        var rows =
            connection
                .createStatement()
                .executeQuery(
                    "SELECT datname FROM pg_database WHERE datname LIKE '" + namespace + "%'")) {
      while (rows.next()) {
        databases.add(rows.getString(1));
      }
    }
    long rowsRead = 0;
    for (var database : databases) {
      try (var connection = postgres.connect(database)) {
        var tables = new ArrayList<String>();
        try (var rows =
            connection
                .createStatement()
                .executeQuery(
                    "SELECT quote_ident(table_name) FROM information_schema.tables"
                        + " WHERE table_schema = 'public' AND table_type = 'BASE TABLE'")) {
          while (rows.next()) {
            tables.add(rows.getString(1));
          }
        }
        for (var table : tables) {
          try (var rows =
              connection.createStatement().executeQuery("SELECT t::text FROM " + table + " t")) {
            while (rows.next()) {
              rowsRead++;
              var text = rows.getString(1);
              if (secrets.stream().anyMatch(text::contains)) {
                found.add(database + "." + table);
              }
            }
          }
        }
      }
    }
    return rowsRead;
  }

  private static String utf8(byte[] bytes) {
    return bytes == null ? "" : new String(bytes, StandardCharsets.UTF_8);
  }
}
