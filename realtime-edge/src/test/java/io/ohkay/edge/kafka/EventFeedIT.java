package io.ohkay.edge.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ohkay.platform.infra.SharedInfrastructure;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The edge's one consumer on the real broker: waiting for topics, where it starts, what it skips.
 */
class EventFeedIT {

  private static final Duration WAIT = Duration.ofSeconds(30);

  private final String bootstrap = SharedInfrastructure.get().kafka().bootstrapServers();
  private final String prefix = SharedInfrastructure.uniqueName("feed");
  private final String topic = prefix + "ohkay.server.events";
  private final Recorder recorder = new Recorder();
  private @Nullable EventFeed feed;

  @AfterEach
  void stop() {
    if (feed != null) {
      feed.stop();
    }
  }

  @Test
  void shouldWaitForTheTopicAndReadWhatFollowsWhenItAppearsLater() throws Exception {
    feed = new EventFeed(bootstrap, List.of(topic), recorder);
    feed.start();
    await().during(Duration.ofSeconds(1)).atMost(WAIT).until(() -> feed.isRunning());
    assertThat(feed.assignedPartitions()).isZero();

    createTopic();
    send(envelope(), "not an envelope");

    await().atMost(WAIT).until(() -> recorder.records.size() == 1 && recorder.passed.size() == 1);
    assertThat(feed.assignedPartitions()).isEqualTo(2);
    assertThat(recorder.assigned).hasSize(2);
  }

  @Test
  void shouldStartAtTheEndAndSkipUnreadableRecordsWhenTheTopicExists() throws Exception {
    createTopic();
    send(envelope(), envelope());
    feed = new EventFeed(bootstrap, List.of(topic), recorder);
    feed.start();
    await().atMost(WAIT).until(() -> recorder.assigned.size() == 2);
    var end = recorder.assigned.stream().mapToLong(FeedPosition::nextOffset).sum();

    send("{\"type\":1}", envelope());

    await().atMost(WAIT).until(() -> recorder.records.size() == 1);
    assertThat(end).isEqualTo(2);
    assertThat(recorder.passed).extracting(FeedPosition::nextOffset).containsExactly(3L);
    assertThat(recorder.records.getFirst().offset()).isEqualTo(3);
    feed.stop();
    assertThat(feed.isRunning()).isFalse();
  }

  @Test
  void shouldStandWhereAFeedStartedLaterStartsWhenARecordIsFollowedByItsTransactionMarker()
      throws Exception {
    createTopic();
    feed = new EventFeed(bootstrap, List.of(topic), recorder);
    feed.start();
    await().atMost(WAIT).until(() -> recorder.assigned.size() == 2);

    sendInTransaction(envelope());
    await().atMost(WAIT).until(() -> recorder.records.size() == 1);
    var record = recorder.records.getFirst();
    var later = new Recorder();
    var laterFeed = new EventFeed(bootstrap, List.of(topic), later);
    laterFeed.start();
    try {
      await().atMost(WAIT).until(() -> later.assigned.size() == 2);
      var laterStart =
          later.assigned.stream()
              .filter(position -> position.partition() == record.partition())
              .findFirst()
              .orElseThrow();

      // The record at 0, its commit marker at 1: both feeds stand at 2.
      assertThat(laterStart.nextOffset()).isEqualTo(record.offset() + 2);
      await()
          .atMost(WAIT)
          .untilAsserted(
              () ->
                  assertThat(recorder.passed)
                      .contains(
                          new FeedPosition(topic, record.partition(), laterStart.nextOffset())));
    } finally {
      laterFeed.stop();
    }
  }

  private void sendInTransaction(String value) {
    TransactionalSends.send(bootstrap, prefix + "-tx", topic, true, value);
  }

  private String envelope() {
    return "{\"type\":\"message.posted.v1\",\"aggregateId\":\""
        + UUID.randomUUID()
        + "\",\"seq\":1,\"payload\":{}}";
  }

  private void createTopic() throws Exception {
    try (var admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
      admin.createTopics(List.of(new NewTopic(topic, 2, (short) 1))).all().get();
    }
  }

  private void send(String... values) throws Exception {
    try (var producer =
        new KafkaProducer<>(
            Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap),
            new StringSerializer(),
            new StringSerializer())) {
      for (var value : values) {
        // One key: both land in one partition, in order.
        producer.send(new ProducerRecord<>(topic, "k", value)).get();
      }
    }
  }

  private static final class Recorder implements FeedListener {

    final List<FeedPosition> assigned = new CopyOnWriteArrayList<>();
    final List<FeedRecord> records = new CopyOnWriteArrayList<>();
    final List<FeedPosition> passed = new CopyOnWriteArrayList<>();

    @Override
    public void onAssigned(Collection<FeedPosition> positions) {
      assigned.addAll(positions);
    }

    @Override
    public void onRecord(FeedRecord record) {
      records.add(record);
    }

    @Override
    public void onPassed(FeedPosition next) {
      passed.add(next);
    }
  }
}
