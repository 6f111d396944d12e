package io.ohkay.bench.projector;

import io.ohkay.projector.apply.SourcedEvent;
import io.ohkay.schemas.event.ChannelCreated;
import io.ohkay.schemas.event.Event;
import io.ohkay.schemas.event.EventPayload;
import io.ohkay.schemas.event.MessagePosted;
import io.ohkay.schemas.event.ServerCreated;
import io.ohkay.schemas.id.ChannelId;
import io.ohkay.schemas.id.CommandId;
import io.ohkay.schemas.id.MessageId;
import io.ohkay.schemas.id.ServerId;
import io.ohkay.schemas.id.UserId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.common.TopicPartition;

/**
 * The server events topic as the decider writes it, decoded: each server created with a {@code
 * general} channel, then messages posted round robin over the servers, each server on its partition
 * with gap-free seqs and offsets. Pure: ids are random, time advances 1 ms a message.
 */
final class MessageEvents {

  private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
  private static final long FIRST_MESSAGE_SEQ = 3;

  private final String topic;
  private final int partitions;
  private final List<ServerId> servers;
  private final Map<ServerId, ChannelId> channels = new LinkedHashMap<>();
  private final Map<ServerId, Long> seqs = new HashMap<>();
  private final long[] offsets;
  private final UserId author = new UserId(UUID.randomUUID());
  private long posted;

  MessageEvents(String topic, int partitions, int servers) {
    this.topic = topic;
    this.partitions = partitions;
    this.offsets = new long[partitions];
    this.servers = new ArrayList<>();
    for (int i = 0; i < servers; i++) {
      var server = new ServerId(UUID.randomUUID());
      this.servers.add(server);
      channels.put(server, new ChannelId(UUID.randomUUID()));
    }
  }

  /** The servers, in round-robin order. */
  List<ServerId> servers() {
    return List.copyOf(servers);
  }

  /** The {@code general} channel of {@code server}. */
  ChannelId channel(ServerId server) {
    return channels.get(server);
  }

  /** Each server's creation and its channel's (seqs 1 and 2). */
  List<SourcedEvent> creations() {
    var events = new ArrayList<SourcedEvent>();
    for (var server : servers) {
      events.add(event(server, 1, new ServerCreated(server, "Bench", author, "main")));
      events.add(event(server, 2, new ChannelCreated(server, channel(server), "general", 0)));
      seqs.put(server, FIRST_MESSAGE_SEQ - 1);
    }
    return events;
  }

  /** The next {@code count} messages, in topic order. */
  List<SourcedEvent> messages(int count) {
    var events = new ArrayList<SourcedEvent>(count);
    for (int i = 0; i < count; i++) {
      var server = servers.get((int) (posted % servers.size()));
      long seq = seqs.merge(server, 1L, Long::sum);
      var message = new MessageId(UUID.randomUUID());
      String content = "message " + posted + " of the projector benchmark, a short chat line";
      events.add(
          event(server, seq, new MessagePosted(server, channel(server), message, author, content)));
      posted++;
    }
    return events;
  }

  /** Per partition, the offset after the batch's last record: what the consumer commits. */
  static Map<TopicPartition, Long> nextOffsets(List<SourcedEvent> batch) {
    var next = new LinkedHashMap<TopicPartition, Long>();
    batch.forEach(e -> next.merge(e.partition(), e.offset() + 1, Math::max));
    return next;
  }

  private SourcedEvent event(ServerId server, long seq, EventPayload payload) {
    int partition = servers.indexOf(server) % partitions;
    var event =
        Event.decided(
            new CommandId(UUID.randomUUID()),
            0,
            server.value(),
            seq,
            START.plusMillis(posted),
            author,
            payload);
    return new SourcedEvent(new TopicPartition(topic, partition), offsets[partition]++, event);
  }
}
