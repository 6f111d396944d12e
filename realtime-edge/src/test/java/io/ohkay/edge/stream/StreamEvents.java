package io.ohkay.edge.stream;

import io.ohkay.schemas.event.Event;
import io.ohkay.schemas.event.EventPayload;
import io.ohkay.schemas.event.MessagePosted;
import io.ohkay.schemas.id.ChannelId;
import io.ohkay.schemas.id.CommandId;
import io.ohkay.schemas.id.MessageId;
import io.ohkay.schemas.id.ServerId;
import io.ohkay.schemas.id.UserId;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** Events as the decider writes them, for the stream tests to publish. */
final class StreamEvents {

  /** Gap-free seqs per aggregate from 1, as the decider numbers them (test databases are at 0). */
  private static final Map<UUID, AtomicLong> SEQS = new ConcurrentHashMap<>();

  private StreamEvents() {}

  /** A message of {@code author} in a new channel of {@code server}. */
  static Event posted(UUID server, UUID author, String content) {
    return posted(server, UUID.randomUUID(), author, content);
  }

  /** A message of {@code author} in {@code channel} of {@code server}. */
  static Event posted(UUID server, UUID channel, UUID author, String content) {
    return event(
        server,
        author,
        new MessagePosted(
            new ServerId(server),
            new ChannelId(channel),
            new MessageId(UUID.randomUUID()),
            new UserId(author),
            content));
  }

  /** {@code payload} decided now for {@code actor}, as the next event of {@code aggregate}. */
  static Event event(UUID aggregate, UUID actor, EventPayload payload) {
    return Event.decided(
        new CommandId(UUID.randomUUID()),
        0,
        aggregate,
        SEQS.computeIfAbsent(aggregate, key -> new AtomicLong()).incrementAndGet(),
        Instant.now(),
        new UserId(actor),
        payload);
  }
}
