package io.ohkay.projector.kafka;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes records that cannot be processed to a dead-letter topic: same key, value, timestamp and
 * headers, plus origin headers. Publishing is synchronous, before the position moves past them.
 */
public final class DeadLetters implements AutoCloseable {

  /** Header: the topic the record was read from. */
  public static final String ORIGINAL_TOPIC = "ohkay.dlq.original-topic";

  /** Header: its partition. */
  public static final String ORIGINAL_PARTITION = "ohkay.dlq.original-partition";

  /** Header: its offset. */
  public static final String ORIGINAL_OFFSET = "ohkay.dlq.original-offset";

  /** Header: the class of the exception that made it unprocessable. */
  public static final String EXCEPTION_CLASS = "ohkay.dlq.exception-class";

  /** Header: that exception's message. */
  public static final String EXCEPTION_MESSAGE = "ohkay.dlq.exception-message";

  private static final Logger LOG = LoggerFactory.getLogger(DeadLetters.class);
  private static final Duration SEND_TIMEOUT = Duration.ofSeconds(30);
  private static final int MAX_MESSAGE = 1_000;

  private final String bootstrapServers;
  private final String clientId;
  private @Nullable KafkaProducer<byte[], byte[]> producer;

  public DeadLetters(String bootstrapServers, String clientId) {
    this.bootstrapServers = bootstrapServers;
    this.clientId = clientId;
  }

  /**
   * Creates the dead-letter topics that do not exist yet; logs and goes on when it cannot (a broker
   * that auto-creates topics still gets them at the first dead letter).
   */
  public void createTopics(List<NewTopic> topics) {
    var admin =
        Admin.create(
            Map.of(
                "bootstrap.servers", bootstrapServers,
                "request.timeout.ms", 5_000,
                "default.api.timeout.ms", 10_000));
    try {
      var results = admin.createTopics(topics).values();
      for (var result : results.entrySet()) {
        await(result.getKey(), result.getValue());
      }
    } finally {
      admin.close(Duration.ofSeconds(2));
    }
  }

  private static void await(String topic, KafkaFuture<Void> created) {
    try {
      created.get(10, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      if (!(e.getCause() instanceof TopicExistsException)) {
        LOG.warn("Could not create dead-letter topic {}", topic, e.getCause());
      }
    } catch (TimeoutException e) {
      LOG.warn("Could not create dead-letter topic {} in time", topic);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Publishes every record to {@code topic} and waits until all are acknowledged. */
  public void publish(String topic, List<Undecodable> records)
      throws ExecutionException, InterruptedException, TimeoutException {
    if (records.isEmpty()) {
      return;
    }
    var sent = new ArrayList<Future<RecordMetadata>>();
    for (var undecodable : records) {
      LOG.warn(
          "Dead-lettering {}-{}@{}: {}",
          undecodable.record().topic(),
          undecodable.record().partition(),
          undecodable.record().offset(),
          undecodable.cause().toString());
      sent.add(producer().send(toDeadLetter(topic, undecodable)));
    }
    for (var future : sent) {
      future.get(SEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  static ProducerRecord<byte[], byte[]> toDeadLetter(String topic, Undecodable undecodable) {
    var record = undecodable.record();
    var headers = new RecordHeaders(record.headers().toArray());
    headers.add(ORIGINAL_TOPIC, utf8(record.topic()));
    headers.add(ORIGINAL_PARTITION, utf8(Integer.toString(record.partition())));
    headers.add(ORIGINAL_OFFSET, utf8(Long.toString(record.offset())));
    headers.add(EXCEPTION_CLASS, utf8(undecodable.cause().getClass().getName()));
    var message = Objects.toString(undecodable.cause().getMessage(), "");
    headers.add(
        EXCEPTION_MESSAGE,
        utf8(message.length() > MAX_MESSAGE ? message.substring(0, MAX_MESSAGE) : message));
    return new ProducerRecord<>(
        topic, null, record.timestamp(), record.key(), record.value(), headers);
  }

  private synchronized KafkaProducer<byte[], byte[]> producer() {
    if (producer == null) {
      producer =
          new KafkaProducer<>(
              Map.of(
                  ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                  bootstrapServers,
                  ProducerConfig.CLIENT_ID_CONFIG,
                  clientId,
                  ProducerConfig.ACKS_CONFIG,
                  "all",
                  ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                  true,
                  ProducerConfig.MAX_BLOCK_MS_CONFIG,
                  10_000),
              new ByteArraySerializer(),
              new ByteArraySerializer());
    }
    return producer;
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public synchronized void close() {
    if (producer != null) {
      producer.close(Duration.ofSeconds(5));
      producer = null;
    }
  }
}
