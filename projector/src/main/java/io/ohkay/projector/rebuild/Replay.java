package io.ohkay.projector.rebuild;

import io.ohkay.projector.apply.BatchApplier;
import io.ohkay.projector.kafka.RecordDecoder;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The replay loop: poll, keep what is below the stops, apply, until every stop is reached. */
final class Replay {

  private static final Logger LOG = LoggerFactory.getLogger(Replay.class);
  private static final Duration POLL = Duration.ofMillis(500);

  private final KafkaConsumer<byte[], byte[]> consumer;
  private final BatchApplier applier;
  private final RecordDecoder decoder;
  private final StopOffsets stops;
  private final Map<TopicPartition, Long> applied = new HashMap<>();
  private long records;
  private long undecodable;

  Replay(
      KafkaConsumer<byte[], byte[]> consumer,
      BatchApplier applier,
      RecordDecoder decoder,
      StopOffsets stops) {
    this.consumer = consumer;
    this.applier = applier;
    this.decoder = decoder;
    this.stops = stops;
  }

  void run(RebuildProgress progress) throws SQLException {
    pauseReached();
    while (!consumer.paused().containsAll(consumer.assignment())) {
      var kept = belowStops(consumer.poll(POLL));
      var batch = decoder.decode(kept);
      batch
          .undecodable()
          .forEach(u -> LOG.warn("Skipping undecodable record: {}", u.cause().toString()));
      var moved = movedPositions();
      if (!kept.isEmpty() || !moved.isEmpty()) {
        applier.apply(batch.events(), moved);
        applied.putAll(moved);
      }
      records += kept.size();
      undecodable += batch.undecodable().size();
      progress.advance(kept.size());
      pauseReached();
    }
    // Every partition ends exactly at its stop, as the live projector's stored position does.
    var last = new HashMap<TopicPartition, Long>(stops.offsets());
    last.entrySet().removeIf(stop -> stop.getValue().equals(applied.get(stop.getKey())));
    applier.apply(List.of(), last);
  }

  /** The positions, capped at the stops, that moved since last applied. */
  private Map<TopicPartition, Long> movedPositions() {
    var moved = new HashMap<TopicPartition, Long>();
    for (var partition : consumer.assignment()) {
      var position = Math.min(consumer.position(partition), stops.of(partition));
      if (!Long.valueOf(position).equals(applied.get(partition))) {
        moved.put(partition, position);
      }
    }
    return moved;
  }

  private List<ConsumerRecord<byte[], byte[]>> belowStops(ConsumerRecords<byte[], byte[]> polled) {
    var kept = new ArrayList<ConsumerRecord<byte[], byte[]>>();
    for (var record : polled) {
      if (record.offset() < stops.of(new TopicPartition(record.topic(), record.partition()))) {
        kept.add(record);
      }
    }
    return kept;
  }

  private void pauseReached() {
    var reached =
        consumer.assignment().stream()
            .filter(p -> !consumer.paused().contains(p))
            .filter(p -> consumer.position(p) >= stops.of(p))
            .toList();
    consumer.pause(reached);
  }

  /** Where each partition's replay stops. */
  StopOffsets stops() {
    return stops;
  }

  /** Records replayed so far. */
  long records() {
    return records;
  }

  /** Records skipped because they cannot be decoded. */
  long undecodable() {
    return undecodable;
  }
}
