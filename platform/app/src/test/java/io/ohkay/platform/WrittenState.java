package io.ohkay.platform;

import io.ohkay.platform.infra.SharedInfrastructure;
import io.ohkay.schemas.event.Event;
import io.ohkay.schemas.json.Json;
import io.ohkay.schemas.topic.Topic;
import io.ohkay.schemas.topic.Topics;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;

/**
 * Everything a platform namespace has written: the end offsets of its events topics and of the auth
 * commands topic, and the row counts of its databases (DMs and notifications included). Two equal
 * captures = nothing written. (A request a decider refuses still appends its command to the server
 * or DM commands topic: see {@link #endOffset}.)
 */
record WrittenState(Map<String, Long> endOffsets, Map<String, Long> rowCounts) {

  static WrittenState capture(String namespace, UUID serverId) {
    try {
      return new WrittenState(endOffsets(namespace), rowCounts(namespace, serverId));
    } catch (SQLException | ExecutionException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * The end offset (summed over partitions) of one topic of the namespace, e.g. a commands topic,
   * which {@link #capture} leaves out.
   */
  static long endOffset(String namespace, Topic<?> topic) {
    try {
      return endOffsets(List.of(topic.in(namespace + "."))).values().stream()
          .mapToLong(Long::longValue)
          .sum();
    } catch (ExecutionException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Whether the auth projection has the user's row. */
  static boolean userProjected(String namespace, UUID userId) throws SQLException {
    try (var connection = SharedInfrastructure.get().postgres().connect(namespace + "_auth");
        var statement = connection.prepareStatement("SELECT 1 FROM users WHERE id = ?")) {
      statement.setObject(1, userId);
      try (var rows = statement.executeQuery()) {
        return rows.next();
      }
    }
  }

  /** The types of the committed events of {@code topic} keyed {@code key}, in order. */
  static List<String> eventTypes(String namespace, Topic<Event> topic, String key) {
    var wanted = key.getBytes(StandardCharsets.UTF_8);
    var types = new ArrayList<String>();
    TopicReader.readToEnd(
        List.of(topic.in(namespace + ".")),
        IsolationLevel.READ_COMMITTED,
        record -> {
          if (Arrays.equals(wanted, record.key())) {
            types.add(Json.read(record.value(), Event.class).type());
          }
        });
    return types;
  }

  /** The row count of one table. */
  static long count(String database, String table) throws SQLException {
    var counts = new LinkedHashMap<String, Long>();
    count(counts, database, table);
    return counts.get(database + "." + table);
  }

  private static Map<String, Long> endOffsets(String namespace)
      throws ExecutionException, InterruptedException {
    var prefix = namespace + ".";
    return endOffsets(
        List.of(
            Topics.AUTH_EVENTS.in(prefix),
            Topics.SERVER_EVENTS.in(prefix),
            Topics.DM_EVENTS.in(prefix),
            Topics.AUTH_COMMANDS.in(prefix)));
  }

  private static Map<String, Long> endOffsets(List<String> topics)
      throws ExecutionException, InterruptedException {
    var bootstrap = SharedInfrastructure.get().kafka().bootstrapServers();
    try (var admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
      var partitions =
          admin.describeTopics(topics).allTopicNames().get().values().stream()
              .flatMap(
                  d ->
                      d.partitions().stream().map(p -> new TopicPartition(d.name(), p.partition())))
              .collect(Collectors.toMap(tp -> tp, tp -> OffsetSpec.latest()));
      var offsets = admin.listOffsets(partitions).all().get();
      var result = new LinkedHashMap<String, Long>();
      offsets.forEach((tp, info) -> result.merge(tp.topic(), info.offset(), Long::sum));
      return result;
    }
  }

  private static Map<String, Long> rowCounts(String namespace, UUID serverId) throws SQLException {
    var counts = new LinkedHashMap<String, Long>();
    count(
        counts,
        namespace + "_auth",
        "users",
        "user_profiles",
        "sessions",
        "login_history",
        "notifications",
        "notification_reads");
    count(
        counts,
        namespace + "_dms",
        "dm_conversations",
        "dm_messages",
        "dm_read_status",
        "dm_blocks");
    count(
        counts,
        namespace + "_server_registry",
        "servers",
        "server_members",
        "server_bans",
        "invite_codes");
    count(
        counts,
        namespace + "_server_" + serverId.toString().replace("-", ""),
        "channels",
        "messages");
    return counts;
  }

  private static void count(Map<String, Long> counts, String database, String... tables)
      throws SQLException {
    try (var connection = SharedInfrastructure.get().postgres().connect(database);
        var statement = connection.createStatement()) {
      for (var table : tables) {
        try (var rows = statement.executeQuery("SELECT count(*) FROM " + table)) {
          rows.next();
          counts.put(database + "." + table, rows.getLong(1));
        }
      }
    }
  }
}
