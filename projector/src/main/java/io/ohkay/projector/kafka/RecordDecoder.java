package io.ohkay.projector.kafka;

import io.ohkay.projector.apply.SourcedEvent;
import io.ohkay.schemas.event.DmEvent;
import io.ohkay.schemas.event.Event;
import io.ohkay.schemas.event.EventPayload;
import io.ohkay.schemas.event.ServerEvent;
import io.ohkay.schemas.event.UserEvent;
import io.ohkay.schemas.json.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;

/**
 * Turns records of one events topic into events. A record that is not JSON, has an unknown type, or
 * holds a fact that does not belong on this topic cannot be processed, ever: it is returned as
 * undecodable, for the dead-letter topic.
 */
public final class RecordDecoder {

  private final Class<? extends EventPayload> expected;

  private RecordDecoder(Class<? extends EventPayload> expected) {
    this.expected = expected;
  }

  /** For the auth events topic: user facts only. */
  public static RecordDecoder forAuthEvents() {
    return new RecordDecoder(UserEvent.class);
  }

  /** For the server events topic: server facts keyed by their own server. */
  public static RecordDecoder forServerEvents() {
    return new RecordDecoder(ServerEvent.class);
  }

  /** For the DM events topic: conversation facts keyed by their own conversation. */
  public static RecordDecoder forDmEvents() {
    return new RecordDecoder(DmEvent.class);
  }

  /** Decodes records of one poll, in order. */
  public DecodedBatch decode(Iterable<ConsumerRecord<byte[], byte[]>> records) {
    var events = new ArrayList<SourcedEvent>();
    var undecodable = new ArrayList<Undecodable>();
    var firstOffsets = new LinkedHashMap<TopicPartition, Long>();
    for (var record : records) {
      var partition = new TopicPartition(record.topic(), record.partition());
      firstOffsets.putIfAbsent(partition, record.offset());
      try {
        events.add(new SourcedEvent(partition, record.offset(), decode(record)));
      } catch (RuntimeException e) {
        undecodable.add(new Undecodable(record, e));
      }
    }
    return new DecodedBatch(events, undecodable, firstOffsets);
  }

  Event decode(ConsumerRecord<byte[], byte[]> record) {
    var value = record.value();
    if (value == null) {
      throw new IllegalArgumentException("record has no value");
    }
    var event = Json.read(value, Event.class);
    if (!expected.isInstance(event.payload())) {
      throw new IllegalArgumentException(event.type() + " does not belong on " + record.topic());
    }
    var payload = event.payload();
    if ((payload instanceof ServerEvent || payload instanceof DmEvent)
        && !payload.aggregateId().equals(event.aggregateId())) {
      throw new IllegalArgumentException(
          event.type()
              + " of "
              + payload.aggregateId()
              + " is not the aggregate "
              + event.aggregateId());
    }
    return event;
  }
}
