package io.ohkay.command;

import static org.awaitility.Awaitility.await;

import io.ohkay.command.kafka.CommandBus;
import io.ohkay.command.kafka.OutcomeListener;
import io.ohkay.command.kafka.TopicsInitializer;
import io.ohkay.platform.infra.SharedInfrastructure;
import io.ohkay.schemas.json.Json;
import io.ohkay.schemas.topic.Topic;
import io.ohkay.schemas.topic.Topics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.BiConsumer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;

/**
 * The real decider on the shared embedded broker for the command API's route ITs, in a namespace of
 * its own: topics, the decider's exactly-once application (tuned for fast answers), a producer and
 * the outcome listener, behind one {@link CommandBus}.
 */
public final class DeciderHarness implements AutoCloseable {

  private final String prefix;
  private final Path dir;
  private final KafkaStreams streams;
  private final KafkaProducer<String, byte[]> producer;
  private final OutcomeListener outcomes;

  private DeciderHarness(
      String prefix,
      Path dir,
      KafkaStreams streams,
      KafkaProducer<String, byte[]> producer,
      OutcomeListener outcomes) {
    this.prefix = prefix;
    this.dir = dir;
    this.streams = streams;
    this.producer = producer;
    this.outcomes = outcomes;
  }

  /**
   * Creates the topics of a new namespace named after {@code name}, starts the decider {@code
   * topology} adds to a builder (given the topic prefix) and waits for the outcome listener.
   */
  public static DeciderHarness start(String name, BiConsumer<StreamsBuilder, String> topology)
      throws Exception {
    var kafka = SharedInfrastructure.get().kafka().bootstrapServers();
    var prefix = SharedInfrastructure.uniqueName(name) + "_";
    var dir = Files.createTempDirectory(name + "-it");
    try (var admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka))) {
      TopicsInitializer.ensureTopics(admin, prefix, (short) 1);
    }
    var builder = new StreamsBuilder();
    topology.accept(builder, prefix);
    var streams = new KafkaStreams(builder.build(), streamsConfig(kafka, prefix, dir));
    streams.start();
    var producer =
        new KafkaProducer<>(
            Map.<String, Object>of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka, ProducerConfig.ACKS_CONFIG, "all"),
            new StringSerializer(),
            new ByteArraySerializer());
    var outcomes =
        new OutcomeListener(committedConsumer(kafka), Topics.COMMAND_OUTCOMES.in(prefix));
    outcomes.start(Duration.ofSeconds(60));
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> streams.state() == KafkaStreams.State.RUNNING);
    return new DeciderHarness(prefix, dir, streams, producer, outcomes);
  }

  /** The topic prefix of this namespace (also usable as a database prefix). */
  public String prefix() {
    return prefix;
  }

  /** A temporary directory of this harness, for key files. */
  public Path dir() {
    return dir;
  }

  public OutcomeListener outcomes() {
    return outcomes;
  }

  /** Commands in, outcomes back, as the routes use them. */
  public CommandBus bus() {
    return new CommandBus(producer, outcomes);
  }

  /**
   * Every committed value of {@code topic} in this namespace, in partition order, read from the
   * beginning up to the end as it is now.
   */
  public <V> List<V> committed(Topic<V> topic) {
    var kafka = SharedInfrastructure.get().kafka().bootstrapServers();
    try (var consumer = committedConsumer(kafka)) {
      var partitions =
          consumer.partitionsFor(topic.in(prefix)).stream()
              .map(info -> new TopicPartition(info.topic(), info.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      var ends = consumer.endOffsets(partitions);
      var values = new ArrayList<V>();
      while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
        consumer
            .poll(Duration.ofMillis(200))
            .forEach(record -> values.add(Json.read(record.value(), topic.valueType())));
      }
      return values;
    }
  }

  @Override
  public void close() {
    streams.close(Duration.ofSeconds(10));
    outcomes.close();
    producer.close();
  }

  private static Properties streamsConfig(String kafka, String prefix, Path dir) {
    var config = new Properties();
    config.put(StreamsConfig.APPLICATION_ID_CONFIG, prefix + "decider");
    config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, kafka);
    config.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
    config.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 50);
    config.put(StreamsConfig.POLL_MS_CONFIG, 25);
    config.put(StreamsConfig.STATE_DIR_CONFIG, dir.resolve("state").toString());
    config.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, 1);
    config.put(StreamsConfig.producerPrefix(ProducerConfig.LINGER_MS_CONFIG), 0);
    return config;
  }

  private static KafkaConsumer<String, byte[]> committedConsumer(String kafka) {
    return new KafkaConsumer<>(
        Map.<String, Object>of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
            kafka,
            ConsumerConfig.ISOLATION_LEVEL_CONFIG,
            "read_committed",
            ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
            false),
        new StringDeserializer(),
        new ByteArrayDeserializer());
  }
}
