package io.ohkay.edge.stream;

import io.ohkay.edge.kafka.FeedListener;
import io.ohkay.edge.kafka.FeedPosition;
import io.ohkay.edge.kafka.FeedRecord;
import io.ohkay.schemas.event.EventTypes;
import io.ohkay.schemas.id.UserId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.codec.ServerSentEvent;

/**
 * Routes the feed to the connections: each server event goes to the connections of that server's
 * members (found through a {@link MembershipIndex}, so the cost is the server's connections, not
 * all of them). One lock orders dispatch, joins and (dis)connections, which makes a connection's
 * {@code ready} cursor exact: every event after it is delivered, none before. Account events are
 * not streamed (they carry credentials); they only advance the cursor.
 */
final class StreamHub implements FeedListener, SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(StreamHub.class);

  private final String serverTopic;
  private final Map<String, Character> topicCodes;
  private final int bufferSize;
  private final MembershipIndex<UUID, StreamSession> byServer = new MembershipIndex<>();
  private final MembershipIndex<UUID, StreamSession> byUser = new MembershipIndex<>();
  private final Map<PartitionKey, Long> positions = new HashMap<>();
  private final Set<StreamSession> sessions = new HashSet<>();
  private final RecentJoins recentJoins = new RecentJoins();
  private volatile int connections;
  private volatile boolean running = true;

  private record PartitionKey(char topic, int partition) {}

  /**
   * @param serverTopic the server events topic, whose events are streamed
   * @param topicCodes every topic read, with its one-letter cursor code
   * @param bufferSize events buffered per connection before it overflows
   */
  StreamHub(String serverTopic, Map<String, Character> topicCodes, int bufferSize) {
    this.serverTopic = serverTopic;
    this.topicCodes = Map.copyOf(topicCodes);
    this.bufferSize = bufferSize;
  }

  /** A new connection of {@code user}; joins it sees from now on are recorded before it is live. */
  synchronized StreamSession open(UserId user) {
    var session = new StreamSession(user, bufferSize);
    session.servers().addAll(recentJoins.of(user.value(), System.nanoTime()));
    byUser.add(user.value(), session);
    sessions.add(session);
    connections = sessions.size();
    if (!running) {
      session.close();
    }
    return session;
  }

  /** Makes {@code session} live on its servers and sends it {@code ready} with the cursor. */
  synchronized void activate(StreamSession session, Collection<UUID> serverIds) {
    if (!sessions.contains(session)) {
      return;
    }
    session.servers().addAll(serverIds);
    session.servers().forEach(server -> byServer.add(server, session));
    session.activate();
    session.offer(StreamSession.cursorEvent(StreamSession.READY, cursor().encode()));
  }

  /** Forgets {@code session}; idempotent. */
  synchronized void close(StreamSession session) {
    if (!sessions.remove(session)) {
      return;
    }
    session.servers().forEach(server -> byServer.remove(server, session));
    byUser.remove(session.user().value(), session);
    session.close();
    connections = sessions.size();
  }

  /** Open connections. */
  int connections() {
    return connections;
  }

  /** Every partition's position, as far as the feed has read. */
  synchronized StreamCursor cursor() {
    var all = new ArrayList<StreamCursor.Position>();
    positions.forEach((key, offset) -> all.add(position(key, offset)));
    return new StreamCursor(all);
  }

  @Override
  public synchronized void onAssigned(Collection<FeedPosition> assigned) {
    assigned.forEach(this::advance);
  }

  @Override
  public synchronized void onUnreadable(FeedPosition next) {
    advance(next);
  }

  @Override
  public synchronized void onRecord(FeedRecord record) {
    var key = advance(record.next());
    if (key == null || !record.topic().equals(serverTopic)) {
      return;
    }
    if (EventTypes.MEMBER_JOINED.equals(record.type())) {
      join(record);
    }
    deliver(record.aggregateId(), event(key, record));
  }

  private static ServerSentEvent<String> event(PartitionKey key, FeedRecord record) {
    return ServerSentEvent.<String>builder()
        .id(StreamCursor.of(position(key, record.offset() + 1)).encode())
        .event(record.type())
        .data(record.json())
        .build();
  }

  private void deliver(UUID server, ServerSentEvent<String> event) {
    for (var session : byServer.membersOf(server)) {
      if (session.offer(event)) {
        continue;
      }
      if (session.isOverflowed()) {
        log.info("a stream of user {} fell {} events behind: overflow", session.user(), bufferSize);
      }
      close(session);
    }
  }

  private void join(FeedRecord record) {
    var user = record.payloadId("userId");
    var server = record.payloadId("serverId");
    if (user == null) {
      return;
    }
    var joined = server == null ? record.aggregateId() : server;
    recentJoins.record(user, joined, System.nanoTime());
    for (var session : byUser.membersOf(user)) {
      if (session.servers().add(joined) && session.active()) {
        byServer.add(joined, session);
      }
    }
  }

  private @Nullable PartitionKey advance(FeedPosition next) {
    var code = topicCodes.get(next.topic());
    if (code == null) {
      return null;
    }
    var key = new PartitionKey(code, next.partition());
    positions.put(key, next.nextOffset());
    return key;
  }

  private static StreamCursor.Position position(PartitionKey key, long nextOffset) {
    return new StreamCursor.Position(key.topic(), key.partition(), nextOffset);
  }

  @Override
  public synchronized void start() {
    running = true;
  }

  /** Ends every connection (clients reconnect elsewhere) so shutdown does not wait for them. */
  @Override
  public synchronized void stop() {
    running = false;
    for (var session : List.copyOf(sessions)) {
      close(session);
    }
  }

  @Override
  public boolean isRunning() {
    return running;
  }
}
