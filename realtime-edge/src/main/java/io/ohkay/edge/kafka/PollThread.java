package io.ohkay.edge.kafka;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;

/**
 * A feed's consumer and the daemon thread that polls it: started and stopped with its feed, woken
 * up on stop, and retried after a second on any Kafka failure. What one turn of the loop does is
 * the feed's.
 */
final class PollThread {

  /** How long one poll waits for records. */
  static final Duration POLL = Duration.ofMillis(500);

  private static final Duration AFTER_FAILURE = Duration.ofSeconds(1);
  private static final Duration JOIN_TIMEOUT = Duration.ofSeconds(10);

  /** A feed's loop: set up once per consumer, on the poll thread. */
  @FunctionalInterface
  interface Loop {
    /** Returns one turn of the loop over {@code kafka}, run until the thread is stopped. */
    Runnable turnOn(KafkaConsumer<String, byte[]> kafka);
  }

  private final String threadName;
  private final String feedName;
  private final Logger log;
  private final Map<String, Object> config;
  private final Loop loop;
  private final Supplier<Deserializer<byte[]>> values;
  private volatile boolean running;
  private volatile @Nullable Thread thread;
  private volatile @Nullable KafkaConsumer<String, byte[]> consumer;

  /**
   * @param threadName the poll thread's name
   * @param feedName how the logs name the feed
   * @param log the feed's logger
   * @param config the consumer's configuration
   * @param loop what the thread does with the consumer
   */
  PollThread(
      String threadName, String feedName, Logger log, Map<String, Object> config, Loop loop) {
    this(threadName, feedName, log, config, loop, ByteArrayDeserializer::new);
  }

  /**
   * @param values makes the deserializer of the record values of each consumer (one that is also a
   *     {@link org.apache.kafka.common.ClusterResourceListener} learns the cluster id)
   */
  PollThread(
      String threadName,
      String feedName,
      Logger log,
      Map<String, Object> config,
      Loop loop,
      Supplier<Deserializer<byte[]>> values) {
    this.values = values;
    this.threadName = threadName;
    this.feedName = feedName;
    this.log = log;
    this.config = config;
    this.loop = loop;
  }

  void start() {
    running = true;
    var poller = new Thread(this::run, threadName);
    poller.setDaemon(true);
    thread = poller;
    poller.start();
  }

  /** Wakes the consumer up and waits (bounded) for the thread to end. */
  void stop() {
    running = false;
    var current = consumer;
    if (current != null) {
      current.wakeup();
    }
    var poller = thread;
    if (poller != null) {
      try {
        poller.join(JOIN_TIMEOUT.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** Whether the poll thread is alive. */
  boolean isRunning() {
    var poller = thread;
    return running && poller != null && poller.isAlive();
  }

  /** Waits on the poll thread, unless the feed is stopping. */
  void pause(Duration duration) {
    if (running) {
      LockSupport.parkNanos(duration.toNanos());
    }
  }

  private void run() {
    try (var kafka = new KafkaConsumer<>(config, new StringDeserializer(), values.get())) {
      consumer = kafka;
      turns(loop.turnOn(kafka));
    } catch (RuntimeException e) {
      log.error("{} stopped", feedName, e);
    } finally {
      consumer = null;
      running = false;
    }
  }

  private void turns(Runnable turn) {
    while (running) {
      try {
        turn.run();
      } catch (WakeupException e) {
        // stop() woke the poll up; the loop condition ends it.
      } catch (KafkaException e) {
        log.warn("{}: {}; retrying", feedName, e.toString());
        pause(AFTER_FAILURE);
      }
    }
  }
}
