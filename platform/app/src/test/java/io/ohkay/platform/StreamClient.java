package io.ohkay.platform;

import io.ohkay.schemas.json.Json;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.IntUnaryOperator;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * One user's stream as a client keeps it across connections: the id of the last complete event
 * (sent back as {@code Last-Event-ID} on every reconnection), and everything received, per
 * aggregate (server or conversation) as the seqs in arrival order, to be held against what the user
 * may see ({@link VisibleEvents.Expected}). Connections go to one of several edge instances, by
 * index. Thread-safe: one thread drives the connections, the test reads the record.
 */
final class StreamClient {

  /** What a comparison with the expected events found. */
  record Verdict(
      int missing, int duplicates, int foreign, int disorder, int checked, List<String> problems) {}

  /**
   * How an event came: on which connection (counted from 1) to which edge, resumed from which
   * cursor, before that connection's {@code ready} (replayed) or after it (live), under which id.
   */
  record Receipt(
      int connection,
      int edge,
      @Nullable String resumedFrom,
      boolean replayed,
      @Nullable String id) {

    @Override
    public String toString() {
      return "connection #%d to edge %d%s, %s, id %s"
          .formatted(
              connection,
              edge,
              resumedFrom == null ? "" : " resumed from " + resumedFrom,
              replayed ? "replayed before ready" : "live",
              id);
    }
  }

  private static final int CONNECT_ATTEMPTS = 20;
  private static final Duration LIVE_SLICE = Duration.ofMillis(200);

  private final String name;
  private final Api.User user;
  private final Object lock = new Object();
  private @Nullable String cursor;
  private @Nullable String start;
  private final Map<UUID, List<Long>> seqs = new LinkedHashMap<>();
  private final Map<UUID, List<Receipt>> receipts = new HashMap<>();
  private @Nullable String resumedFrom;
  private boolean ready;
  private final Map<UUID, Integer> directMessageAt = new HashMap<>();
  private final List<UUID> notifications = new ArrayList<>();
  private final Map<UUID, Integer> notificationAt = new HashMap<>();
  private final List<String> anomalies = new ArrayList<>();
  private final List<SseSocket.Event> connectionEvents = new ArrayList<>();
  private int items;
  private int connections;
  private int resumes;
  private int switches;
  private int serverEnds;
  private int edge = -1;

  StreamClient(String name, Api.User user) {
    this.name = name;
    this.user = user;
  }

  String name() {
    return name;
  }

  Api.User user() {
    return user;
  }

  /** The id of the last complete event received; null before any. */
  @Nullable String cursor() {
    synchronized (lock) {
      return cursor;
    }
  }

  /** The cursor of the first {@code ready}: where what the user may see starts. */
  @Nullable String start() {
    synchronized (lock) {
      return start;
    }
  }

  /** The cursor the current (or last) connection resumed from; null for a new stream. */
  @Nullable String resumedFrom() {
    synchronized (lock) {
      return resumedFrom;
    }
  }

  int resumes() {
    synchronized (lock) {
      return resumes;
    }
  }

  int switches() {
    synchronized (lock) {
      return switches;
    }
  }

  int serverEnds() {
    synchronized (lock) {
      return serverEnds;
    }
  }

  List<String> anomalies() {
    synchronized (lock) {
      return List.copyOf(anomalies);
    }
  }

  /** The events of the current (or last) connection, in order. */
  List<SseSocket.Event> connectionEvents() {
    synchronized (lock) {
      return List.copyOf(connectionEvents);
    }
  }

  /** Forgets the start, so the next {@code ready} sets it (a new stream without a cursor). */
  void restart() {
    synchronized (lock) {
      cursor = null;
      start = null;
    }
  }

  /**
   * Opens a connection to edge {@code edgeIndex} on {@code port}, resuming from the last cursor
   * when there is one; an {@link AssertionError} unless it answers 200.
   */
  SseSocket connect(int edgeIndex, int port) throws IOException {
    String from;
    synchronized (lock) {
      from = cursor;
    }
    var socket = SseSocket.open(port, user.bearer(), from);
    if (socket.status() != 200) {
      var body = socket.rest(System.nanoTime() + 2_000_000_000L);
      socket.close();
      throw new AssertionError(
          "%s: GET /api/stream on edge %d answered %d %s"
              .formatted(name, edgeIndex, socket.status(), body));
    }
    synchronized (lock) {
      connections++;
      if (from != null) {
        resumes++;
        if (edgeIndex != edge) {
          switches++;
        }
      }
      edge = edgeIndex;
      resumedFrom = from;
      ready = false;
      connectionEvents.clear();
    }
    return socket;
  }

  /** Reads events off {@code socket} until a budget is spent or the stream ends; says which. */
  SseSocket.End read(SseSocket socket, long byteLimit, long deadlineNanos) throws IOException {
    for (var event = socket.next(byteLimit, deadlineNanos);
        event != null;
        event = socket.next(byteLimit, deadlineNanos)) {
      accept(event);
    }
    return socket.end();
  }

  /**
   * Reads events off {@code socket} until one matches; an {@link AssertionError} after {@code
   * wait}.
   */
  SseSocket.Event readUntil(SseSocket socket, Predicate<SseSocket.Event> wanted, Duration wait)
      throws IOException {
    var deadline = System.nanoTime() + wait.toNanos();
    for (var event = socket.next(Long.MAX_VALUE, deadline);
        event != null;
        event = socket.next(Long.MAX_VALUE, deadline)) {
      accept(event);
      if (wanted.test(event)) {
        return event;
      }
    }
    throw new AssertionError(
        "%s: the stream %s before the awaited event; this connection got %s"
            .formatted(
                name,
                socket.end() == SseSocket.End.TIME ? "stayed silent for " + wait : "ended",
                summary(connectionEvents())));
  }

  /**
   * The load's driver: while {@code cutting} holds, cuts the connection {@code socket} at a random
   * byte or moment (now and then staying away a little), and resumes from the last cursor on the
   * same or, with probability one half, the other edge; then stays connected (resuming when the
   * server ends a connection) until {@code stopped}. Each resume is counted in {@code total}.
   * Failures are recorded as anomalies.
   */
  void run(
      SseSocket socket,
      IntUnaryOperator portOf,
      Random random,
      BooleanSupplier cutting,
      BooleanSupplier stopped,
      AtomicInteger total) {
    var current = socket;
    try {
      while (true) {
        var cut = cutting.getAsBoolean();
        var end =
            cut
                ? read(
                    current,
                    1 + random.nextInt(48_000),
                    System.nanoTime() + Duration.ofMillis(40 + random.nextInt(860)).toNanos())
                : read(current, Long.MAX_VALUE, System.nanoTime() + LIVE_SLICE.toNanos());
        if (!cut && stopped.getAsBoolean()) {
          current.close();
          return;
        }
        if (end == SseSocket.End.TIME && !cut) {
          continue;
        }
        current.close();
        int next;
        synchronized (lock) {
          if (end == SseSocket.End.CLOSED) {
            serverEnds++;
          }
          next = edge;
        }
        if (cut) {
          if (random.nextInt(8) == 0) {
            // Offline for a while: the cursor falls behind, further than the edge's memory.
            Thread.sleep(100 + random.nextInt(1_400));
          }
          if (random.nextBoolean()) {
            next = 1 - next;
          }
        }
        current = reconnect(next, portOf);
        total.incrementAndGet();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      current.close();
    } catch (IOException | RuntimeException | AssertionError e) {
      synchronized (lock) {
        anomalies.add(name + ": the driver stopped: " + e);
      }
      current.close();
    }
  }

  private SseSocket reconnect(int edgeIndex, IntUnaryOperator portOf)
      throws IOException, InterruptedException {
    for (int attempt = 1; ; attempt++) {
      try {
        return connect(edgeIndex, portOf.applyAsInt(edgeIndex));
      } catch (IOException | AssertionError e) {
        synchronized (lock) {
          anomalies.add(name + ": a reconnection failed: " + e.getMessage());
        }
        if (attempt == CONNECT_ATTEMPTS) {
          throw e;
        }
        Thread.sleep(100);
      }
    }
  }

  /** Takes in one complete event. */
  void accept(SseSocket.Event event) {
    synchronized (lock) {
      connectionEvents.add(event);
      if (event.id() != null) {
        cursor = event.id();
      }
      switch (event.name()) {
        case "ready" -> {
          ready = true;
          if (start == null) {
            start = event.id();
          }
        }
        case "overflow", "unavailable" -> {
          // The server ends the connection; the driver resumes from the cursor it carries.
        }
        case "resync", "revoked" -> anomalies.add(name + ": " + event.name() + " " + event.data());
        case "notification.created" -> {
          var data = Json.mapper().readTree(event.data());
          var message = UUID.fromString(data.get("messageId").asString());
          notifications.add(message);
          notificationAt.putIfAbsent(message, items++);
        }
        default -> acceptEvent(event);
      }
    }
  }

  private void acceptEvent(SseSocket.Event event) {
    if (event.id() == null) {
      return; // presence, typing: not persisted, not checked here
    }
    var data = Json.mapper().readTree(event.data());
    if (event.name().startsWith("dm.")) {
      var conversation = UUID.fromString(data.get("conversationId").asString());
      record(conversation, data.get("seq").asLong(), event);
      if (event.name().equals("dm.message.sent.v1")) {
        directMessageAt.putIfAbsent(UUID.fromString(data.get("id").asString()), items);
      }
      items++;
      return;
    }
    if (data.has("aggregateId") && data.has("seq")) {
      var aggregate = UUID.fromString(data.get("aggregateId").asString());
      record(aggregate, data.get("seq").asLong(), event);
      items++;
      return;
    }
    anomalies.add(name + ": an event of no aggregate: " + event);
  }

  private void record(UUID aggregate, long seq, SseSocket.Event event) {
    seqs.computeIfAbsent(aggregate, a -> new ArrayList<>()).add(seq);
    receipts
        .computeIfAbsent(aggregate, a -> new ArrayList<>())
        .add(
            new Receipt(connections, edge, resumedFrom, resumedFrom != null && !ready, event.id()));
  }

  /** How each copy of {@code seq} of {@code aggregate} came. */
  private List<String> copies(UUID aggregate, long seq) {
    var got = seqs.get(aggregate);
    var how = receipts.get(aggregate);
    var copies = new ArrayList<String>();
    for (int i = 0; i < got.size(); i++) {
      if (got.get(i) == seq) {
        copies.add(how.get(i).toString());
      }
    }
    return copies;
  }

  /** Holds what was received against {@code expected}. */
  Verdict verdict(VisibleEvents.Expected expected) {
    synchronized (lock) {
      var problems = new ArrayList<String>();
      int missing = 0;
      int duplicates = 0;
      int foreign = 0;
      int disorder = 0;
      int checked = 0;
      var aggregates = new HashSet<UUID>(expected.seqs().keySet());
      aggregates.addAll(seqs.keySet());
      for (var aggregate : aggregates) {
        var want = expected.seqs().getOrDefault(aggregate, List.of());
        var got = seqs.getOrDefault(aggregate, List.of());
        checked += got.size();
        var wanted = new HashSet<>(want);
        var seen = new HashSet<Long>();
        var repeated = new ArrayList<Long>();
        var notForThem = new ArrayList<Long>();
        var outOfOrder = new ArrayList<String>();
        long previous = Long.MIN_VALUE;
        for (var seq : got) {
          if (!seen.add(seq)) {
            repeated.add(seq);
          }
          if (!wanted.contains(seq)) {
            notForThem.add(seq);
          }
          if (seq <= previous) {
            outOfOrder.add(previous + " then " + seq);
          }
          previous = seq;
        }
        var lost = want.stream().filter(seq -> !seen.contains(seq)).toList();
        missing += lost.size();
        duplicates += repeated.size();
        foreign += notForThem.size();
        disorder += outOfOrder.size();
        if (!lost.isEmpty()
            || !repeated.isEmpty()
            || !notForThem.isEmpty()
            || !outOfOrder.isEmpty()) {
          problems.add(
              ("%s (user %s), aggregate %s: expected %d events (seq %s), got %d;"
                      + " missing seqs %s; duplicated seqs %s; seqs not for them %s;"
                      + " out of order %s")
                  .formatted(
                      name,
                      user.id(),
                      aggregate,
                      want.size(),
                      range(want),
                      got.size(),
                      first(lost),
                      first(repeated),
                      first(notForThem),
                      first(outOfOrder)));
          for (var seq : repeated.stream().distinct().limit(5).toList()) {
            problems.add(
                "  seq %d of %s came: %s".formatted(seq, aggregate, copies(aggregate, seq)));
          }
          for (var seq : notForThem.stream().distinct().limit(5).toList()) {
            problems.add(
                "  seq %d of %s came: %s".formatted(seq, aggregate, copies(aggregate, seq)));
          }
        }
      }
      checked += notifications.size();
      var notified = new HashSet<UUID>();
      for (var message : notifications) {
        if (!notified.add(message)) {
          duplicates++;
          problems.add(name + ": notification.created twice for DM " + message);
        } else if (!expected.notifications().contains(message)) {
          foreign++;
          problems.add(name + ": notification.created for DM " + message + ", not theirs");
        } else if (notificationAt.get(message) < directMessageAt.getOrDefault(message, -1)) {
          disorder++;
          problems.add(name + ": notification.created before its DM " + message);
        }
      }
      for (var message : expected.notifications()) {
        if (!notified.contains(message)) {
          missing++;
          problems.add(name + ": no notification.created for the DM " + message);
        }
      }
      problems.addAll(anomalies);
      return new Verdict(missing, duplicates, foreign, disorder, checked, problems);
    }
  }

  private static String range(List<Long> seqs) {
    return seqs.isEmpty() ? "none" : seqs.getFirst() + ".." + seqs.getLast();
  }

  private static <T> String first(List<T> values) {
    return values.size() <= 10
        ? values.toString()
        : values.subList(0, 10) + " and " + (values.size() - 10) + " more";
  }

  /** The names of {@code events}, for a failure message. */
  static List<String> summary(List<SseSocket.Event> events) {
    return events.stream().map(SseSocket.Event::name).toList();
  }
}
