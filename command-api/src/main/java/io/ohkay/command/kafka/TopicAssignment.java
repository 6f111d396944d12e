package io.ohkay.command.kafka;

import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;

/** Waits for a topic's partitions to exist (topics are created at start, maybe by another node). */
final class TopicAssignment {

  private TopicAssignment() {}

  static List<TopicPartition> waitForPartitions(
      Consumer<?, ?> consumer, String topic, BooleanSupplier keepTrying) {
    while (keepTrying.getAsBoolean()) {
      var infos = consumer.partitionsFor(topic, Duration.ofSeconds(5));
      if (infos != null && !infos.isEmpty()) {
        return infos.stream().map(i -> new TopicPartition(topic, i.partition())).toList();
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    throw new IllegalStateException("topic " + topic + " never appeared");
  }
}
