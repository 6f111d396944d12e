package io.ohkay.bench.system;

import io.ohkay.bench.load.Answers;
import io.ohkay.bench.load.Poster;
import io.ohkay.command.web.CommandIds;
import io.ohkay.schemas.event.CloudEventHeaders;
import io.ohkay.schemas.event.Event;
import io.ohkay.schemas.event.MessagePosted;
import io.ohkay.schemas.id.ChannelId;
import io.ohkay.schemas.id.CommandId;
import io.ohkay.schemas.id.MessageId;
import io.ohkay.schemas.id.ServerId;
import io.ohkay.schemas.id.UserId;
import io.ohkay.schemas.json.Json;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Posts messages as the decider publishes its decisions: each one a {@code message.posted.v1} event
 * of the server (its next seq, the owner as author, the CloudEvents headers, keyed by the server)
 * on the server events topic, in a Kafka transaction committed every commit interval, as the
 * decider's exactly-once commits are. A post is answered 201 when its transaction has committed,
 * from when the edge may read it. One thread sends and commits, so no send falls into a commit.
 */
final class EventTopicPoster implements Poster {

  private static final int ACCEPTED = 201;

  private final KafkaProducer<String, byte[]> producer;
  private final ScheduledExecutorService writer =
      Executors.newSingleThreadScheduledExecutor(
          runnable -> Thread.ofPlatform().name("bench-topic-writer").daemon().unstarted(runnable));
  private final String topic;
  private final ServerId server;
  private final ChannelId channel;
  private final UserId author;
  private final List<Pending> uncommitted = new ArrayList<>();
  private long seq;
  private boolean inTransaction;

  /**
   * @param lastSeq the server's seq before the first post: each post takes the next one
   * @param commitInterval how long a transaction stays open, as the decider's
   */
  EventTopicPoster(
      String bootstrapServers,
      String topic,
      ServerId server,
      ChannelId channel,
      UserId author,
      long lastSeq,
      Duration commitInterval) {
    this.topic = topic;
    this.server = server;
    this.channel = channel;
    this.author = author;
    this.seq = lastSeq;
    this.producer =
        new KafkaProducer<>(
            Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ProducerConfig.TRANSACTIONAL_ID_CONFIG,
                "bench-topic-writer-" + UUID.randomUUID(),
                ProducerConfig.LINGER_MS_CONFIG,
                0,
                ProducerConfig.CLIENT_ID_CONFIG,
                "bench-topic-writer"),
            new StringSerializer(),
            new ByteArraySerializer());
    producer.initTransactions();
    long interval = commitInterval.toNanos();
    writer.scheduleAtFixedRate(this::commit, interval, interval, TimeUnit.NANOSECONDS);
  }

  @Override
  public void post(String content, int postSeq, Answers answers) {
    writer.execute(() -> send(content, postSeq, answers));
  }

  private void send(String content, int postSeq, Answers answers) {
    try {
      if (!inTransaction) {
        producer.beginTransaction();
        inTransaction = true;
      }
      var id = new CommandId(CommandIds.newId());
      var event =
          Event.decided(
              id,
              0,
              server.value(),
              ++seq,
              Instant.now(),
              author,
              new MessagePosted(server, channel, new MessageId(id.value()), author, content));
      var headers = new RecordHeaders();
      CloudEventHeaders.of(event, CloudEventHeaders.DECIDER_SOURCE).forEach(headers::add);
      producer.send(
          new ProducerRecord<>(topic, null, server.toString(), Json.write(event), headers));
      uncommitted.add(new Pending(answers, postSeq));
    } catch (KafkaException e) {
      answers.failed(e);
    }
  }

  private void commit() {
    if (!inTransaction) {
      return;
    }
    inTransaction = false;
    try {
      producer.commitTransaction();
      long committed = System.nanoTime();
      uncommitted.forEach(p -> p.answers().answered(p.seq(), ACCEPTED, committed));
    } catch (KafkaException e) {
      // No retry: the transaction's posts count as failed, and the next posts try again.
      uncommitted.forEach(p -> p.answers().failed(e));
      abort();
    } finally {
      uncommitted.clear();
    }
  }

  private void abort() {
    try {
      producer.abortTransaction();
    } catch (KafkaException e) {
      // A fatal error: every later post fails on its own.
    }
  }

  /** A post sent in the open transaction, answered when it ends. */
  private record Pending(Answers answers, int seq) {}

  /** Commits the posts still in a transaction, then stops: none is left unanswered. */
  @Override
  public void close() {
    writer.execute(this::commit);
    writer.shutdown();
    try {
      writer.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    producer.close();
  }
}
