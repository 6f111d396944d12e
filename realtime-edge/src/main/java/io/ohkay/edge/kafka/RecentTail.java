package io.ohkay.edge.kafka;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;

/**
 * The loop of a feed that follows every partition of one topic, each from its first record stamped
 * within a look-back (the part still meaningful), then live. Partitions are looked up again every
 * half minute so new ones are followed too; the read-back is complete once every partition reached
 * its end offset of the moment it was assigned. Owned by the feed's poll thread.
 */
final class RecentTail {

  private static final Duration METADATA_TIMEOUT = Duration.ofSeconds(5);
  private static final Duration WHILE_TOPIC_MISSING = Duration.ofSeconds(1);
  private static final Duration WHILE_COMPLETE = Duration.ofSeconds(30);

  private final String topic;
  private final Duration lookBack;
  private final Clock clock;
  private final String feedName;
  private final Logger log;
  private final ReadBack readBack = new ReadBack();
  private long nextLookNanos = System.nanoTime();

  /**
   * @param topic the topic, full name
   * @param lookBack how far back the read-back starts, from {@code clock}'s now at assignment
   * @param clock where the look-back is measured from
   * @param feedName how the logs name the feed
   * @param log the feed's logger
   */
  RecentTail(String topic, Duration lookBack, Clock clock, String feedName, Logger log) {
    this.topic = topic;
    this.lookBack = lookBack;
    this.clock = clock;
    this.feedName = feedName;
    this.log = log;
  }

  /**
   * One turn: looks the partitions up when due, polls once handing each record to {@code apply}
   * (pauses {@code poller} instead while there is no partition) and answers whether the read-back
   * is complete.
   */
  boolean turn(
      KafkaConsumer<String, byte[]> kafka,
      PollThread poller,
      Consumer<ConsumerRecord<String, byte[]>> apply) {
    refreshIfDue(kafka);
    if (!kafka.assignment().isEmpty()) {
      kafka.poll(PollThread.POLL).forEach(apply);
    } else {
      poller.pause(WHILE_TOPIC_MISSING);
    }
    return readBack.reached(p -> kafka.position(p, METADATA_TIMEOUT));
  }

  private void refreshIfDue(KafkaConsumer<String, byte[]> kafka) {
    if (System.nanoTime() - nextLookNanos < 0) {
      return;
    }
    var found = new HashSet<TopicPartition>();
    var partitions = kafka.partitionsFor(topic, METADATA_TIMEOUT);
    if (partitions != null) {
      partitions.forEach(p -> found.add(new TopicPartition(p.topic(), p.partition())));
    }
    found.removeAll(kafka.assignment());
    if (!found.isEmpty()) {
      assign(kafka, found);
    }
    readBack.looked();
    nextLookNanos =
        System.nanoTime()
            + (partitions == null || partitions.isEmpty() ? WHILE_TOPIC_MISSING : WHILE_COMPLETE)
                .toNanos();
  }

  private void assign(KafkaConsumer<String, byte[]> kafka, Set<TopicPartition> fresh) {
    // Positions are looked up before assigning: a failure then leaves the partitions unassigned
    // and retried, never assigned without a read-back target.
    var since = clock.instant().minus(lookBack).toEpochMilli();
    var query = new HashMap<TopicPartition, Long>();
    fresh.forEach(p -> query.put(p, since));
    var starts = kafka.offsetsForTimes(query, METADATA_TIMEOUT);
    var ends = kafka.endOffsets(fresh, METADATA_TIMEOUT);
    var all = new ArrayList<>(kafka.assignment());
    all.addAll(fresh);
    kafka.assign(all);
    for (var partition : fresh) {
      var start = starts.get(partition);
      var end = ends.getOrDefault(partition, 0L);
      kafka.seek(partition, start == null ? end : start.offset());
      readBack.target(partition, end);
    }
    log.info("{} reads back {} partitions of {}", feedName, fresh.size(), topic);
  }
}
