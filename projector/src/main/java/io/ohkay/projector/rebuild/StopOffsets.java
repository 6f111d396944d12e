package io.ohkay.projector.rebuild;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

/** Where each partition's replay stops, captured when the rebuild starts. */
final class StopOffsets {
  private final Map<TopicPartition, Long> stops = new HashMap<>();
  private final long total;

  StopOffsets(
      KafkaConsumer<byte[], byte[]> consumer,
      List<TopicPartition> partitions,
      RebuildRequest request) {
    // read_committed: the end offsets are the last stable offsets.
    var ends = consumer.endOffsets(partitions);
    var beginnings = consumer.beginningOffsets(partitions);
    var untilTime = request.untilTime();
    var untilOffset = request.untilOffset();
    var atTime = new HashMap<TopicPartition, Long>();
    if (untilTime != null) {
      var query = new HashMap<TopicPartition, Long>();
      partitions.forEach(p -> query.put(p, untilTime.toEpochMilli() + 1));
      consumer
          .offsetsForTimes(query)
          .forEach(
              (p, found) -> {
                if (found != null) {
                  atTime.put(p, found.offset());
                }
              });
    }
    long sum = 0;
    for (var partition : partitions) {
      long stop = ends.get(partition);
      stop = Math.min(stop, atTime.getOrDefault(partition, stop));
      if (untilOffset != null) {
        stop = Math.min(stop, untilOffset);
      }
      stops.put(partition, stop);
      sum += Math.max(0, stop - beginnings.get(partition));
    }
    this.total = sum;
  }

  long total() {
    return total;
  }

  long of(TopicPartition partition) {
    return stops.get(partition);
  }

  Map<TopicPartition, Long> offsets() {
    return Map.copyOf(stops);
  }
}
