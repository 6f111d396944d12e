package io.ohkay.edge.kafka;

import io.ohkay.schemas.json.Json;
import io.ohkay.schemas.signal.Signal;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends signals to {@code ohkay.ephemeral}: short-lived facts only live readers care about, so a
 * signal that cannot be sent is logged and dropped, never retried past the producer's own retries.
 * A failure is logged once until a signal goes through again.
 */
public final class SignalProducer implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(SignalProducer.class);

  /** How long a send may wait for the topic's metadata or buffer space. */
  private static final int MAX_BLOCK_MS = 5_000;

  /** How long closing waits for signals still unsent: nobody needs them after a shutdown. */
  private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(2);

  private final String topic;
  private final KafkaProducer<String, byte[]> producer;
  private volatile boolean failing;

  /**
   * @param bootstrapServers the Kafka cluster
   * @param topic the ephemeral topic, full name
   */
  public SignalProducer(String bootstrapServers, String topic) {
    this.topic = topic;
    this.producer =
        new KafkaProducer<>(
            Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ProducerConfig.CLIENT_ID_CONFIG,
                "ohkay-edge-signals",
                ProducerConfig.LINGER_MS_CONFIG,
                5,
                ProducerConfig.MAX_BLOCK_MS_CONFIG,
                MAX_BLOCK_MS),
            new StringSerializer(),
            new ByteArraySerializer());
  }

  /** Sends {@code signal} under {@code key} (the user, server or conversation it is about). */
  public void send(String key, Signal signal) {
    producer.send(
        new ProducerRecord<>(topic, key, Json.write(signal)),
        (metadata, error) -> {
          if (error == null) {
            failing = false;
          } else if (!failing) {
            failing = true;
            log.warn("signals to {} are not sent: {}", topic, error.toString());
          }
        });
  }

  @Override
  public void close() {
    producer.close(CLOSE_TIMEOUT);
  }
}
