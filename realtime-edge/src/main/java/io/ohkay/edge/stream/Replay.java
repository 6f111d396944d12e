package io.ohkay.edge.stream;

import io.ohkay.edge.kafka.FeedHistory;
import io.ohkay.edge.kafka.FeedPosition;
import io.ohkay.edge.kafka.FeedRecord;
import io.ohkay.edge.stream.StreamCursor.Partition;
import io.ohkay.schemas.access.AccessModel;
import io.ohkay.schemas.event.DirectMessageSent;
import io.ohkay.schemas.event.DmEvent;
import io.ohkay.schemas.event.Event;
import io.ohkay.schemas.event.EventTypes;
import io.ohkay.schemas.event.InviteSent;
import io.ohkay.schemas.id.UserId;
import io.ohkay.schemas.json.Json;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.SynchronousSink;
import reactor.core.scheduler.Schedulers;

/**
 * What a resuming connection missed: the records between its cursor and the moment it went live
 * again, each turned into the items the user may see, under cursors that count from the resumed
 * one, so resuming again from any of them is exact too. Served from the hub's {@link RecentFeed}
 * when it still holds the range, otherwise read back from Kafka ({@link FeedHistory}).
 *
 * <p>What the user may see is judged as of the resume, with the servers and permissions the
 * connection went live with: a server's events if they are a member now (from their join on, when
 * the join is in the range) and can view the event's channel now; their own {@code member.left.v1}
 * of a server they left meanwhile; the direct-message events whose audience names them; profile
 * updates of themselves and of people sharing a server with them; the {@code server.deleted.v1} of
 * a server deleted while they were in it; and the {@code notification.created} that follow
 * mentions, direct messages and invites for them. A channel hidden from them meanwhile is not
 * replayed; one opened to them is, since they can read its history anyway.
 *
 * <p>A range that begins before what the topics still keep ends the replay with {@code resync}.
 */
final class Replay {

  static final String RESYNC = "resync";

  private static final Logger log = LoggerFactory.getLogger(Replay.class);
  private static final int MEMORY_BATCH = 256;
  private static final Duration LOOKUP_TIMEOUT = Duration.ofSeconds(5);

  /** An item a record gives the user: its event name and data. */
  record Item(String event, String data) {}

  /**
   * Who is resuming and what they may see.
   *
   * @param user the resuming user
   * @param servers the servers they are a member of now
   * @param models each of those servers' permissions now
   * @param serversOf the servers a user is a member of (the registry), for profile updates
   * @param memberRowsOf the servers whose member rows name a user, deleted ones included (the
   *     registry), for the deletions of servers they were in
   */
  record Viewer(
      UUID user,
      Set<UUID> servers,
      Map<UUID, AccessModel> models,
      Function<UserId, Flux<UUID>> serversOf,
      Function<UserId, Flux<UUID>> memberRowsOf) {}

  private final Viewer viewer;
  private final StreamCursor from;
  private final StreamCursor to;
  private final Map<UUID, Long> joins = new HashMap<>();
  private final Map<UUID, Boolean> sharing = new HashMap<>();
  private final Set<UUID> leftMeanwhile = new HashSet<>();
  private @Nullable Set<UUID> memberRows;
  private StreamCursor cursor;

  /** The partition whose missed records are being given; null between partitions. */
  private @Nullable Partition current;

  private Replay(Viewer viewer, StreamCursor from, StreamCursor to) {
    this.viewer = viewer;
    this.from = from;
    this.to = to;
    // The marks stay: a partly given record is reached after other partitions' records, and a
    // resume from one of theirs must still skip what was given of it.
    this.cursor = from;
  }

  /**
   * Why {@code from} cannot be resumed against the feed at {@code to}, or null when it can: another
   * cluster, or partitions or offsets the feed does not have.
   */
  static @Nullable String unservable(StreamCursor from, StreamCursor to) {
    if (!from.cluster().equals(to.cluster())) {
      return "CURSOR_OF_ANOTHER_CLUSTER";
    }
    if (!to.positions().keySet().containsAll(from.positions().keySet())) {
      return "CURSOR_UNKNOWN";
    }
    for (var position : from.positions().entrySet()) {
      if (position.getValue() > to.positions().get(position.getKey())) {
        return "CURSOR_UNKNOWN";
      }
    }
    return null;
  }

  /**
   * Whether the cursor {@code token}, of the feed's cluster, names a position {@code now} has not
   * reached in some partition: the client read further on another edge.
   */
  static boolean ahead(String token, StreamCursor now) {
    StreamCursor from;
    try {
      from = StreamCursor.decode(token);
    } catch (IllegalArgumentException e) {
      return false;
    }
    if (!from.cluster().equals(now.cluster())) {
      return false;
    }
    for (var position : from.positions().entrySet()) {
      var reached = now.positions().get(position.getKey());
      if (reached == null || position.getValue() > reached) {
        return true;
      }
    }
    return false;
  }

  /**
   * {@code from} with the partitions it does not name (they appeared after it was given) at their
   * beginning: everything in them is new to the client.
   */
  static StreamCursor complete(StreamCursor from, StreamCursor to) {
    var completed = from;
    for (var partition : to.positions().keySet()) {
      if (!from.positions().containsKey(partition)) {
        completed = completed.with(partition, 0);
      }
    }
    return completed;
  }

  /** The missed items of {@code entries} (the hub's memory after {@code from}). */
  static Flux<StreamEvent> fromMemory(
      Viewer viewer, StreamCursor from, StreamCursor to, List<RecentFeed.Entry> entries) {
    var replay = new Replay(viewer, from, to);
    for (var entry : entries) {
      replay.noteJoin(entry.record());
    }
    var rest = entries.iterator();
    return Flux.<List<StreamEvent>>generate(sink -> replay.nextFromMemory(rest, sink))
        .concatMapIterable(batch -> batch)
        .subscribeOn(Schedulers.boundedElastic());
  }

  /** The missed items, read back from Kafka; {@code resync} when the topics no longer keep them. */
  static Flux<StreamEvent> fromKafka(
      Viewer viewer,
      StreamCursor from,
      StreamCursor to,
      FeedHistory history,
      Function<Character, @Nullable String> topicOf) {
    return Flux.using(
            history::open,
            reader -> new Replay(viewer, from, to).readBack(reader, topicOf),
            FeedHistory.Reader::close)
        .subscribeOn(Schedulers.boundedElastic());
  }

  /** The last event of a replay that cannot be served: where the connection goes on from. */
  static StreamEvent resync(String cursor, String reason) {
    return new StreamEvent(
        cursor,
        RESYNC,
        Json.mapper().writeValueAsString(Map.of("cursor", cursor, "reason", reason)));
  }

  private void nextFromMemory(
      Iterator<RecentFeed.Entry> rest, SynchronousSink<List<StreamEvent>> sink) {
    if (!rest.hasNext()) {
      sink.complete();
      return;
    }
    var batch = new ArrayList<StreamEvent>();
    for (int i = 0; i < MEMORY_BATCH && rest.hasNext(); i++) {
      var entry = rest.next();
      give(entry.partition(), entry.record(), batch);
    }
    sink.next(batch);
  }

  private Flux<StreamEvent> readBack(
      FeedHistory.Reader reader, Function<Character, @Nullable String> topicOf) {
    var partitions = new ArrayList<>(from.positions().keySet());
    try {
      var starts = new ArrayList<FeedPosition>();
      for (var partition : partitions) {
        starts.add(
            new FeedPosition(
                requireTopic(topicOf, partition),
                partition.partition(),
                from.positions().get(partition)));
      }
      reader.requireKept(starts);
      if (!viewer.servers().isEmpty()) {
        for (var partition : partitions) {
          if (partition.topic() == 's') {
            start(reader, topicOf, partition, Set.of(EventTypes.MEMBER_JOINED));
            for (var batch = reader.next(); batch != null; batch = reader.next()) {
              batch.forEach(this::noteJoin);
            }
          }
        }
      }
    } catch (FeedHistory.GoneException e) {
      log.info("resume from {} no longer served: {}", from, e.getMessage());
      return Flux.just(resync(to.encode(), "CURSOR_EXPIRED"));
    }
    var rest = partitions.iterator();
    return Flux.<List<StreamEvent>>generate(sink -> nextFromKafka(reader, topicOf, rest, sink))
        .concatMapIterable(batch -> batch);
  }

  private void nextFromKafka(
      FeedHistory.Reader reader,
      Function<Character, @Nullable String> topicOf,
      Iterator<Partition> rest,
      SynchronousSink<List<StreamEvent>> sink) {
    try {
      while (true) {
        if (reader.closed()) {
          sink.complete();
          return;
        }
        var partition = current;
        if (partition == null) {
          if (!rest.hasNext()) {
            sink.complete();
            return;
          }
          partition = rest.next();
          start(reader, topicOf, partition, null);
        }
        var records = reader.next();
        if (records == null) {
          // What the partition ends on (transaction markers, records for others) is passed too.
          cursor = cursor.with(partition, to.positions().get(partition));
          current = null;
          continue;
        }
        var batch = new ArrayList<StreamEvent>();
        for (var record : records) {
          give(partition, record, batch);
        }
        sink.next(batch);
        return;
      }
    } catch (FeedHistory.GoneException e) {
      sink.next(List.of(resync(to.encode(), "CURSOR_EXPIRED")));
      sink.complete();
    }
  }

  private void start(
      FeedHistory.Reader reader,
      Function<Character, @Nullable String> topicOf,
      Partition partition,
      @Nullable Set<String> types) {
    reader.start(
        requireTopic(topicOf, partition),
        partition.partition(),
        from.positions().get(partition),
        to.positions().get(partition),
        types);
    current = types == null ? partition : null;
  }

  private static String requireTopic(
      Function<Character, @Nullable String> topicOf, Partition partition) {
    var topic = topicOf.apply(partition.topic());
    if (topic == null) {
      throw new FeedHistory.GoneException("no topic for " + partition);
    }
    return topic;
  }

  /** Notes the user's join of a server, from which on its events are theirs. */
  private void noteJoin(FeedRecord record) {
    if (record.type().equals(EventTypes.MEMBER_JOINED)
        && viewer.user().equals(record.payloadId("userId"))) {
      joins.put(record.aggregateId(), record.seq());
    }
  }

  /** Adds the items {@code record} gives the user to {@code batch}, with their cursors. */
  private void give(Partition partition, FeedRecord record, List<StreamEvent> batch) {
    var before = cursor;
    var after = cursor.with(partition, record.offset() + 1);
    cursor = after;
    var items = items(partition, record);
    var skip =
        record.offset() == from.positions().getOrDefault(partition, -1L)
            ? from.skipAt(partition)
            : 0;
    for (int i = skip; i < items.size(); i++) {
      var id =
          i == items.size() - 1
              ? after.encode()
              : before.within(partition, record.offset(), i + 1).encode();
      var item = items.get(i);
      batch.add(new StreamEvent(id, item.event(), item.data()));
    }
  }

  /** The items {@code record} gives the user, in order. */
  List<Item> items(Partition partition, FeedRecord record) {
    return switch (partition.topic()) {
      case 's' -> serverItems(record);
      case 'd' -> directItems(record);
      case 'a' -> accountItems(record);
      default -> List.of();
    };
  }

  private List<Item> serverItems(FeedRecord record) {
    var server = record.aggregateId();
    var user = viewer.user();
    var items = new ArrayList<Item>(2);
    if (viewer.servers().contains(server)) {
      var join = joins.get(server);
      var model = viewer.models().get(server);
      if ((join == null || record.seq() >= join)
          && model != null
          && AccessGate.visible(record, new AccessGate.Step(model, model), user)) {
        items.add(new Item(record.type(), record.json()));
        var mention = CreatedNotifications.mentions(record).get(user);
        if (mention != null) {
          items.add(new Item(CreatedNotifications.NOTIFICATION_CREATED, mention));
        }
      }
    } else if (record.type().equals(EventTypes.MEMBER_LEFT)
        && user.equals(record.payloadId("userId"))) {
      leftMeanwhile.add(server);
      items.add(new Item(record.type(), record.json()));
    } else if (record.type().equals(EventTypes.MEMBER_JOINED)
        && user.equals(record.payloadId("userId"))) {
      leftMeanwhile.remove(server);
    } else if (record.type().equals(EventTypes.SERVER_DELETED) && wasMember(server)) {
      items.add(new Item(record.type(), record.json()));
    }
    if (record.type().equals(EventTypes.INVITE_SENT)
        && user.equals(record.payloadId("inviteeId"))
        && read(record) instanceof Event envelope
        && envelope.payload() instanceof InviteSent invite) {
      items.add(
          new Item(
              CreatedNotifications.NOTIFICATION_CREATED,
              CreatedNotifications.invite(envelope, invite)));
    }
    return items;
  }

  private List<Item> directItems(FeedRecord record) {
    if (!(read(record) instanceof Event envelope)
        || !(envelope.payload() instanceof DmEvent payload)
        || payload.audience().stream().noneMatch(u -> u.value().equals(viewer.user()))) {
      return List.of();
    }
    var items = new ArrayList<Item>(2);
    items.add(new Item(record.type(), DirectEvents.data(envelope, payload)));
    if (payload instanceof DirectMessageSent sent
        && sent.recipientOffline()
        && sent.recipientId().value().equals(viewer.user())) {
      items.add(
          new Item(
              CreatedNotifications.NOTIFICATION_CREATED,
              CreatedNotifications.directMessage(envelope, sent)));
    }
    return items;
  }

  private List<Item> accountItems(FeedRecord record) {
    if (!StreamHub.STREAMED_ACCOUNT_EVENTS.contains(record.type())) {
      return List.of();
    }
    var owner = record.payloadId("userId");
    if (owner == null || !(owner.equals(viewer.user()) || sharesServer(owner))) {
      return List.of();
    }
    return List.of(new Item(record.type(), record.json()));
  }

  /**
   * Whether the user was a member of {@code server}, deleted meanwhile, when it was deleted: they
   * joined it in the range, or its member rows name them (a deletion keeps them) and they did not
   * leave it earlier in the range (a server's events are in order in one partition).
   */
  private boolean wasMember(UUID server) {
    if (leftMeanwhile.contains(server)) {
      return false;
    }
    if (joins.containsKey(server)) {
      return true;
    }
    var rows = memberRows;
    if (rows == null) {
      rows = Set.of();
      try {
        var read =
            viewer
                .memberRowsOf()
                .apply(new UserId(viewer.user()))
                .collectList()
                .block(LOOKUP_TIMEOUT);
        rows = read == null ? Set.of() : Set.copyOf(read);
      } catch (RuntimeException e) {
        log.warn("servers of {} not read for a resume: {}", viewer.user(), e.toString());
      }
      memberRows = rows;
    }
    return rows.contains(server);
  }

  private boolean sharesServer(UUID owner) {
    return sharing.computeIfAbsent(
        owner,
        user -> {
          try {
            var servers =
                viewer.serversOf().apply(new UserId(user)).collectList().block(LOOKUP_TIMEOUT);
            return servers != null && servers.stream().anyMatch(viewer.servers()::contains);
          } catch (RuntimeException e) {
            log.warn("servers of {} not read for a resume: {}", user, e.toString());
            return false;
          }
        });
  }

  private static @Nullable Event read(FeedRecord record) {
    try {
      return record.event();
    } catch (RuntimeException e) {
      return null;
    }
  }
}
