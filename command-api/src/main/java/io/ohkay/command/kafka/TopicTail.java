package io.ohkay.command.kafka;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads every partition of one topic on its own thread, without a consumer group, from a start
 * chosen per partition, and hands each record to a handler until closed. Started means caught up
 * with the end offsets as they were when reading began.
 */
final class TopicTail implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(TopicTail.class);
  private static final Duration POLL = Duration.ofMillis(200);

  /** Positions the consumer on the topic's partitions before the first poll. */
  interface Start {
    void seek(KafkaConsumer<String, byte[]> consumer, List<TopicPartition> partitions);
  }

  /** From the end: only what is written from now on. */
  static final Start FROM_END = KafkaConsumer::seekToEnd;

  /** From the first record written {@code back} ago or later (the end where there is none). */
  static Start since(Clock clock, Duration back) {
    return (consumer, partitions) -> {
      var since = clock.millis() - back.toMillis();
      var query = new HashMap<TopicPartition, Long>();
      partitions.forEach(partition -> query.put(partition, since));
      var starts = consumer.offsetsForTimes(query);
      var ends = consumer.endOffsets(partitions);
      for (var partition : partitions) {
        var start = starts.get(partition);
        consumer.seek(partition, start == null ? ends.get(partition) : start.offset());
      }
    };
  }

  private final KafkaConsumer<String, byte[]> consumer;
  private final String topic;
  private final Start start;
  private final Consumer<ConsumerRecord<String, byte[]>> handler;
  private final CountDownLatch caughtUp = new CountDownLatch(1);
  private final Thread thread;
  private volatile boolean running = true;

  TopicTail(
      String name,
      KafkaConsumer<String, byte[]> consumer,
      String topic,
      Start start,
      Consumer<ConsumerRecord<String, byte[]>> handler) {
    this.consumer = consumer;
    this.topic = topic;
    this.start = start;
    this.handler = handler;
    this.thread = Thread.ofPlatform().name(name).daemon().unstarted(this::run);
  }

  void start(Duration timeout) throws InterruptedException {
    thread.start();
    if (!caughtUp.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      throw new IllegalStateException("topic " + topic + " not readable in " + timeout);
    }
  }

  boolean isRunning() {
    return running && thread.isAlive();
  }

  private void run() {
    try {
      var partitions = TopicAssignment.waitForPartitions(consumer, topic, () -> running);
      consumer.assign(partitions);
      start.seek(consumer, partitions);
      var ends = consumer.endOffsets(partitions);
      while (running) {
        if (caughtUp.getCount() > 0
            && partitions.stream().allMatch(p -> consumer.position(p) >= ends.get(p))) {
          caughtUp.countDown();
        }
        consumer.poll(POLL).forEach(handler);
      }
    } catch (WakeupException e) {
      // closing
    } catch (RuntimeException e) {
      log.error("reading {} stopped", topic, e);
    } finally {
      running = false;
      consumer.close(CloseOptions.timeout(Duration.ofSeconds(2)));
    }
  }

  @Override
  public void close() {
    running = false;
    consumer.wakeup();
    try {
      thread.join(Duration.ofSeconds(5));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
