package io.ohkay.platform;

import io.ohkay.platform.infra.SharedInfrastructure;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads every partition of some topics of the shared broker from its beginning to its end offset as
 * of the start, without a group, and fails when that takes longer than {@link #DEADLINE}.
 */
final class TopicReader {

  static final Duration DEADLINE = Duration.ofSeconds(30);

  private TopicReader() {}

  /** Hands every record read to {@code onRecord}; returns how many were read. */
  static long readToEnd(
      Collection<String> topics,
      IsolationLevel isolation,
      Consumer<ConsumerRecord<byte[], byte[]>> onRecord) {
    try (var consumer =
        new KafkaConsumer<>(
            Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                SharedInfrastructure.get().kafka().bootstrapServers(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                isolation.toString(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                false),
            new ByteArrayDeserializer(),
            new ByteArrayDeserializer())) {
      var partitions =
          topics.stream()
              .flatMap(topic -> consumer.partitionsFor(topic).stream())
              .map(p -> new TopicPartition(p.topic(), p.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      var ends = consumer.endOffsets(partitions);
      long deadline = System.nanoTime() + DEADLINE.toNanos();
      long records = 0;
      while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
        if (System.nanoTime() - deadline >= 0) {
          throw new AssertionError(
              "%s not read to their end offsets %s within %s".formatted(topics, ends, DEADLINE));
        }
        for (var record : consumer.poll(Duration.ofMillis(200))) {
          records++;
          onRecord.accept(record);
        }
      }
      return records;
    }
  }
}
