package io.ohkay.edge.kafka;

import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/** Writes records as the decider does, in one Kafka transaction, for the feed tests. */
final class TransactionalSends {

  private TransactionalSends() {}

  /**
   * Sends {@code values} under key {@code k} to {@code topic} in one transaction of {@code
   * transactionalId}, then commits it or, when {@code commit} is false, aborts it once they are
   * written (so the aborted records and the abort marker are in the log).
   */
  static void send(
      String bootstrap, String transactionalId, String topic, boolean commit, String... values) {
    try (var producer =
        new KafkaProducer<>(
            Map.<String, Object>of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrap,
                ProducerConfig.TRANSACTIONAL_ID_CONFIG,
                transactionalId),
            new StringSerializer(),
            new StringSerializer())) {
      producer.initTransactions();
      producer.beginTransaction();
      for (var value : values) {
        producer.send(new ProducerRecord<>(topic, "k", value));
      }
      producer.flush();
      if (commit) {
        producer.commitTransaction();
      } else {
        producer.abortTransaction();
      }
    }
  }
}
