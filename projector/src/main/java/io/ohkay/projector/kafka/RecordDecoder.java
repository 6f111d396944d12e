package io.ohkay.projector.kafka;

import io.ohkay.projector.apply.SourcedEvent;
import io.ohkay.schemas.event.ConversationOpened;
import io.ohkay.schemas.event.ConversationRead;
import io.ohkay.schemas.event.DirectMessageDeleted;
import io.ohkay.schemas.event.DirectMessageSent;
import io.ohkay.schemas.event.DmEvent;
import io.ohkay.schemas.event.Event;
import io.ohkay.schemas.event.EventPayload;
import io.ohkay.schemas.event.ServerEvent;
import io.ohkay.schemas.event.UserBlocked;
import io.ohkay.schemas.event.UserEvent;
import io.ohkay.schemas.event.UserUnblocked;
import io.ohkay.schemas.id.ConversationId;
import io.ohkay.schemas.id.UserId;
import io.ohkay.schemas.json.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;

/**
 * Turns records of one events topic into events. A record that is not JSON, has an unknown type,
 * lacks a field its fact requires (one its type does not allow to be null), holds a fact that does
 * not belong on this topic or to its aggregate, or a conversation fact whose two users are not the
 * conversation's pair, cannot be processed, ever: it is returned as undecodable, for the
 * dead-letter topic.
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
    var missing = RequiredFields.firstMissing(event);
    if (missing != null) {
      throw new IllegalArgumentException(event.type() + " has no " + missing);
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
    if (payload instanceof DmEvent fact) {
      checkPair(event.type(), fact);
    }
    return event;
  }

  /** A fact naming two users belongs to their conversation, none other. */
  private static void checkPair(String type, DmEvent fact) {
    var users = pair(fact);
    if (!users.isEmpty()
        && !ConversationId.between(users.get(0), users.get(1)).equals(fact.conversationId())) {
      throw new IllegalArgumentException(
          type + " of " + users + " is not the conversation " + fact.conversationId());
    }
  }

  /** The two users a conversation fact names, or none when it names one. */
  private static List<UserId> pair(DmEvent fact) {
    return switch (fact) {
      case ConversationOpened opened -> List.of(opened.initiatorId(), opened.recipientId());
      case DirectMessageSent sent -> List.of(sent.authorId(), sent.recipientId());
      case DirectMessageDeleted deleted -> List.of(deleted.authorId(), deleted.recipientId());
      case UserBlocked blocked -> List.of(blocked.blockerId(), blocked.blockedId());
      case UserUnblocked unblocked -> List.of(unblocked.blockerId(), unblocked.blockedId());
      case ConversationRead ignored -> List.of();
    };
  }
}
