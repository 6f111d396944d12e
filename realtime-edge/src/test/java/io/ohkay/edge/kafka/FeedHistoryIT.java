package io.ohkay.edge.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.ohkay.platform.infra.SharedInfrastructure;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.RecordsToDelete;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/** Reading the events topics back for resumes, on the real broker. */
class FeedHistoryIT {

  private static final Duration WAIT = Duration.ofSeconds(30);

  private final String bootstrap = SharedInfrastructure.get().kafka().bootstrapServers();
  private final String topic = SharedInfrastructure.uniqueName("history") + "ohkay.server.events";
  private final TopicPartition partition = new TopicPartition(topic, 0);
  private final FeedHistory history = new FeedHistory(bootstrap);

  @Test
  void shouldReadExactlyTheRangeAndSkipUnreadableRecordsWhenAsked() throws Exception {
    createTopic();
    send(envelope(1), "garbage", envelope(3), envelope(4));

    var read = new ArrayList<FeedRecord>();
    try (var reader = history.open()) {
      reader.start(topic, 0, 1, 3, null);
      for (var batch = reader.next(); batch != null; batch = reader.next()) {
        read.addAll(batch);
      }
    }

    assertThat(read).extracting(FeedRecord::offset).containsExactly(2L);
  }

  @Test
  void shouldGiveOnlyTheCommittedRecordsWhenARangeWrittenInTransactionsEndsOnAMarker()
      throws Exception {
    createTopic();
    sendInTransaction(true, envelope(1), envelope(2));
    sendInTransaction(false, envelope(3));
    sendInTransaction(true, envelope(4));
    long end;
    try (var admin = admin()) {
      end =
          admin
              .listOffsets(Map.of(partition, OffsetSpec.latest()))
              .partitionResult(partition)
              .get()
              .offset();
    }

    var read = new ArrayList<FeedRecord>();
    try (var reader = history.open()) {
      reader.start(topic, 0, 0, end, null);
      for (var batch = reader.next(); batch != null; batch = reader.next()) {
        read.addAll(batch);
      }
    }

    // Offsets 2, 4 and 6 are the markers, 3 the aborted record.
    assertThat(end).isEqualTo(7);
    assertThat(read).extracting(FeedRecord::offset).containsExactly(0L, 1L, 5L);
  }

  @Test
  void shouldFailAsGoneWhenRetentionRemovedTheRange() throws Exception {
    createTopic();
    send(envelope(1), envelope(2), envelope(3));
    try (var admin = admin()) {
      admin.deleteRecords(Map.of(partition, RecordsToDelete.beforeOffset(2))).all().get();
    }

    try (var reader = history.open()) {
      assertThatThrownBy(() -> reader.requireKept(List.of(new FeedPosition(topic, 0, 1))))
          .isInstanceOf(FeedHistory.GoneException.class);
      reader.requireKept(List.of(new FeedPosition(topic, 0, 2)));
      // Past the check (removed meanwhile): the read itself fails rather than jump to the end.
      reader.start(topic, 0, 0, 3, null);
      assertThatThrownBy(
              () -> {
                for (var batch = reader.next(); batch != null; batch = reader.next()) {
                  assertThat(batch).isEmpty();
                }
              })
          .isInstanceOf(FeedHistory.GoneException.class);
    }
  }

  @Test
  void shouldEndAReadBlockedOnAnotherThreadWhenClosed() throws Exception {
    createTopic();
    var reader = history.open();
    // A range beyond the end: every read waits in a poll.
    reader.start(topic, 0, 0, 1_000, null);
    var reading =
        CompletableFuture.supplyAsync(
            () -> {
              var batches = 0;
              for (var batch = reader.next(); batch != null; batch = reader.next()) {
                batches++;
              }
              return batches;
            });
    await().during(Duration.ofMillis(700)).atMost(WAIT).until(() -> !reading.isDone());

    reader.close();

    assertThat(reading).succeedsWithin(Duration.ofSeconds(5));
    assertThat(reader.closed()).isTrue();
    assertThat(reader.next()).isNull();
  }

  private static String envelope(int seq) {
    return "{\"type\":\"message.posted.v1\",\"aggregateId\":\""
        + UUID.randomUUID()
        + "\",\"seq\":"
        + seq
        + ",\"payload\":{}}";
  }

  private Admin admin() {
    return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap));
  }

  private void createTopic() throws Exception {
    try (var admin = admin()) {
      admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
    }
  }

  private void sendInTransaction(boolean commit, String... values) {
    TransactionalSends.send(bootstrap, topic + "-writer", topic, commit, values);
  }

  private void send(String... values) throws Exception {
    try (var producer =
        new KafkaProducer<>(
            Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap),
            new StringSerializer(),
            new StringSerializer())) {
      for (var value : values) {
        producer.send(new ProducerRecord<>(topic, "k", value)).get();
      }
    }
  }
}
