package io.ohkay.projector.kafka;

import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.jspecify.annotations.Nullable;

/** The consumer configuration every projector and rebuild consumer shares. */
public final class ConsumerSettings {

  /** Records per poll: one transaction per database per poll, so this is the batch size. */
  public static final int MAX_POLL_RECORDS = 1_000;

  /** How long a group waits for a member that stopped without leaving. */
  static final int SESSION_TIMEOUT_MS = 10_000;

  private ConsumerSettings() {}

  /**
   * Committed facts only, no auto-commit, no topic auto-creation. {@code groupId} is null for a
   * group-less (assigned) consumer; a group's committed offsets are informational only, positions
   * come from PostgreSQL.
   */
  public static Map<String, Object> of(
      String bootstrapServers, @Nullable String groupId, String clientId) {
    var config = new HashMap<String, Object>();
    config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    config.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
    config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
    config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, MAX_POLL_RECORDS);
    if (groupId != null) {
      config.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
      // After a crash (no leave-group), the next instance gets the partitions after this long, as
      // the decider's consumers do; the default 45 s held projection (and reads after writes) back.
      config.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, SESSION_TIMEOUT_MS);
    }
    return config;
  }
}
