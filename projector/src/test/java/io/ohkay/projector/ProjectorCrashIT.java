package io.ohkay.projector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ohkay.projector.TestEvents.ServerHistory;
import java.time.Duration;
import java.util.HashMap;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The projector crashes in the middle of a stream; the consumer group's offsets are then moved to
 * the end of the topic, so a resume from Kafka would silently skip the rest. The restarted
 * projector must still apply every message exactly once: its position comes from PostgreSQL.
 */
class ProjectorCrashIT {

  private static final int MESSAGES = 5_000;
  private static final int PER_TRANSACTION = 500;

  private static ProjectorTestEnvironment environment;

  @BeforeAll
  static void createEnvironment() throws Exception {
    environment = ProjectorTestEnvironment.create();
  }

  @AfterAll
  static void closeEnvironment() {
    environment.close();
  }

  @Test
  void shouldApplyEveryMessageExactlyOnceWhenProjectorCrashesAndGroupOffsetsAreLost()
      throws Exception {
    var history = TestEvents.server(MESSAGES);
    var first = new Projector(environment.properties());
    first.start();
    send(history, 0, MESSAGES / 2);
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(5, TimeUnit.MILLISECONDS)
        .until(() -> first.appliedSeq(history.server()) >= 1_000);

    first.abort();
    var appliedAtCrash = environment.queryLong(registry(), appliedSeqQuery(history));
    send(history, MESSAGES / 2, MESSAGES);
    moveGroupOffsetsToTheEnd();
    var second = new Projector(environment.properties());
    second.start();
    try {
      await()
          .atMost(Duration.ofSeconds(90))
          .until(() -> second.appliedSeq(history.server()) == history.lastSeq());
    } finally {
      second.stop();
    }

    assertThat(appliedAtCrash).isLessThan(history.lastSeq());
    var server = environment.names().server(history.server());
    assertThat(environment.queryLong(server, "SELECT count(*) FROM messages")).isEqualTo(MESSAGES);
    assertThat(environment.queryLong(server, "SELECT count(DISTINCT id) FROM messages"))
        .isEqualTo(MESSAGES);
    assertThat(environment.queryLong(server, "SELECT min(seq) FROM messages")).isEqualTo(4);
    assertThat(environment.queryLong(server, "SELECT max(seq) FROM messages"))
        .isEqualTo(history.lastSeq());
    assertThat(environment.queryLong(server, "SELECT seq FROM aggregate_versions"))
        .isEqualTo(history.lastSeq());
    assertThat(
            environment.queryLong(
                registry(),
                "SELECT sum(messages) FROM server_stats WHERE server_id = '"
                    + history.server()
                    + "'"))
        .isEqualTo(MESSAGES);
    assertThat(environment.queryLong(registry(), "SELECT count(*) FROM server_members"))
        .isEqualTo(1);
  }

  /** Messages [from, to) of the history, after its first three events when from is 0. */
  private static void send(ServerHistory history, int from, int to) {
    var events = history.events();
    if (from == 0) {
      environment.send(events.subList(0, 3));
    }
    for (int start = from; start < to; start += PER_TRANSACTION) {
      environment.send(events.subList(3 + start, 3 + Math.min(start + PER_TRANSACTION, to)));
    }
  }

  /** Where a resume from the consumer group would start: after everything, skipping the rest. */
  private static void moveGroupOffsetsToTheEnd() throws Exception {
    var group = environment.properties().groupId() + ".server";
    var end = new HashMap<TopicPartition, OffsetAndMetadata>();
    environment
        .endOffsets(environment.serverTopic())
        .forEach((partition, offset) -> end.put(partition, new OffsetAndMetadata(offset)));
    // The crashed member leaves the group while closing; retry until the group is empty.
    await()
        .atMost(Duration.ofSeconds(60))
        .ignoreExceptions()
        .until(
            () -> {
              environment.admin().alterConsumerGroupOffsets(group, end).all().get();
              return true;
            });
    var committed =
        environment.admin().listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
    assertThat(committed)
        .allSatisfy(
            (partition, at) -> assertThat(at.offset()).isEqualTo(end.get(partition).offset()));
  }

  private static String registry() {
    return environment.names().registry();
  }

  private static String appliedSeqQuery(ServerHistory history) {
    return "SELECT coalesce(max(seq), 0) FROM aggregate_versions WHERE aggregate_id = '"
        + history.server()
        + "'";
  }
}
