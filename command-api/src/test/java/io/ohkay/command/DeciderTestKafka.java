package io.ohkay.command;

import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;

/** The real decider on the embedded broker for the command API's ITs, tuned for fast answers. */
public final class DeciderTestKafka {

  private DeciderTestKafka() {}

  /** The topology of {@code builder} as a fresh exactly-once application in {@code prefix}. */
  public static KafkaStreams streams(
      StreamsBuilder builder, String kafka, String prefix, Path stateDir) {
    var config = new Properties();
    config.put(StreamsConfig.APPLICATION_ID_CONFIG, prefix + "decider");
    config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, kafka);
    config.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
    config.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 50);
    config.put(StreamsConfig.POLL_MS_CONFIG, 25);
    config.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    config.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, 1);
    config.put(StreamsConfig.producerPrefix(ProducerConfig.LINGER_MS_CONFIG), 0);
    return new KafkaStreams(builder.build(), config);
  }

  /** A group-less consumer of committed records only. */
  public static KafkaConsumer<String, byte[]> committedConsumer(String kafka) {
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
