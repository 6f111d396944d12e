package io.ohkay.platform;

import io.ohkay.schemas.event.EventTypes;
import io.ohkay.schemas.json.Json;
import io.ohkay.schemas.topic.Topics;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.common.IsolationLevel;
import tools.jackson.databind.JsonNode;

/**
 * What a user may see on their stream, worked out without the stream code: the committed records of
 * the events topics, read back, from a position given as a stream cursor (decoded by the format the
 * README documents), filtered by rules the test states about its own scenario.
 */
final class VisibleEvents {

  private VisibleEvents() {}

  /** A partition of a streamed topic, by the letter cursors give the topic. */
  record Partition(char topic, int partition) {}

  /** One record of an events topic. */
  record Fact(
      Partition partition, long offset, String type, UUID aggregate, long seq, JsonNode payload) {

    @Override
    public String toString() {
      return type + " " + aggregate + "#" + seq + " at " + partition + "@" + offset;
    }
  }

  /**
   * What one user may see: per aggregate (server or conversation) the seqs of its events in order,
   * and the direct messages whose {@code notification.created} they get.
   */
  record Expected(Map<UUID, List<Long>> seqs, Set<UUID> notifications) {

    int events() {
      return seqs.values().stream().mapToInt(List::size).sum() + notifications.size();
    }
  }

  /** Who may see what; an {@link AssertionError} for an event the rules do not cover. */
  interface Rules {
    boolean visible(UUID user, Fact fact);
  }

  /**
   * The rules of a scenario whose membership does not change while it streams: a server's events
   * reach its members, a channel's only those who can view it; a conversation's reach its two
   * participants; no account event is streamed. Only messages are expected: any other event type
   * fails, so the rules never judge what they do not model.
   *
   * @param members each server's members
   * @param viewers for each channel not every member can view, who can
   * @param participants each conversation's two users
   */
  record Audience(
      Map<UUID, Set<UUID>> members, Map<UUID, Set<UUID>> viewers, Map<UUID, Set<UUID>> participants)
      implements Rules {

    @Override
    public boolean visible(UUID user, Fact fact) {
      return switch (fact.partition().topic()) {
        case 's' -> {
          require(fact, EventTypes.MESSAGE_POSTED);
          var channel = UUID.fromString(fact.payload().get("channelId").asString());
          var channelViewers = viewers.get(channel);
          yield members.getOrDefault(fact.aggregate(), Set.of()).contains(user)
              && (channelViewers == null || channelViewers.contains(user));
        }
        case 'd' -> {
          require(fact, EventTypes.DIRECT_MESSAGE_SENT);
          yield participants.getOrDefault(fact.aggregate(), Set.of()).contains(user);
        }
        default -> {
          if (fact.type().equals(EventTypes.PROFILE_UPDATED)) {
            throw new AssertionError("the scenario updates no profile, yet: " + fact);
          }
          yield false;
        }
      };
    }

    private static void require(Fact fact, String type) {
      if (!fact.type().equals(type)) {
        throw new AssertionError(
            "the scenario's rules cover only " + type + " here, the topics hold " + fact);
      }
    }
  }

  /** The committed records of the namespace's three streamed events topics, in offset order. */
  static List<Fact> read(String namespace) {
    var prefix = namespace + ".";
    var letters =
        Map.of(
            Topics.SERVER_EVENTS.in(prefix), 's',
            Topics.AUTH_EVENTS.in(prefix), 'a',
            Topics.DM_EVENTS.in(prefix), 'd');
    var facts = new ArrayList<Fact>();
    TopicReader.readToEnd(
        letters.keySet(),
        IsolationLevel.READ_COMMITTED,
        record -> {
          var envelope = Json.mapper().readTree(record.value());
          facts.add(
              new Fact(
                  new Partition(letters.get(record.topic()), record.partition()),
                  record.offset(),
                  envelope.get("type").asString(),
                  UUID.fromString(envelope.get("aggregateId").asString()),
                  envelope.get("seq").asLong(),
                  envelope.get("payload")));
        });
    return facts;
  }

  /** Each partition's next offset after the last of {@code facts}. */
  static Map<Partition, Long> ends(List<Fact> facts) {
    var ends = new HashMap<Partition, Long>();
    facts.forEach(f -> ends.merge(f.partition(), f.offset() + 1, Math::max));
    return ends;
  }

  /**
   * The positions a format-2 cursor names, e.g. {@code 2.rWYYthK9.a0,0,5.d0,_,1.s0,6,0}: per topic
   * letter its partitions' next offsets in base 36, {@code _} for a partition it does not name, a
   * {@code ~k} suffix for a record partly given (its offset is the record's own).
   */
  static Map<Partition, Long> positions(String cursor) {
    var parts = cursor.split("\\.");
    if (parts.length < 2 || !parts[0].equals("2")) {
      throw new IllegalArgumentException("not a format-2 cursor: " + cursor);
    }
    var positions = new HashMap<Partition, Long>();
    for (int i = 2; i < parts.length; i++) {
      var offsets = parts[i].substring(1).split(",", -1);
      for (int p = 0; p < offsets.length; p++) {
        var offset = offsets[p];
        if (offset.equals("_")) {
          continue;
        }
        var skip = offset.indexOf('~');
        positions.put(
            new Partition(parts[i].charAt(0), p),
            Long.parseLong(skip < 0 ? offset : offset.substring(0, skip), 36));
      }
    }
    return positions;
  }

  /** Whether {@code cursor} names every partition of {@code floor} at or past its offset there. */
  static boolean atOrPast(String cursor, Map<Partition, Long> floor) {
    var positions = positions(cursor);
    return floor.entrySet().stream()
        .allMatch(f -> positions.getOrDefault(f.getKey(), -1L) >= f.getValue());
  }

  /** What {@code user} may see of {@code facts} from {@code from} (a cursor's positions) on. */
  static Expected expected(List<Fact> facts, Map<Partition, Long> from, UUID user, Rules rules) {
    var seqs = new LinkedHashMap<UUID, List<Long>>();
    var notifications = new HashSet<UUID>();
    for (var fact : facts) {
      var start = from.get(fact.partition());
      if (start == null) {
        throw new AssertionError("the cursor names no position in " + fact.partition());
      }
      if (fact.offset() < start || !rules.visible(user, fact)) {
        continue;
      }
      seqs.computeIfAbsent(fact.aggregate(), a -> new ArrayList<>()).add(fact.seq());
      var payload = fact.payload();
      if (fact.type().equals(EventTypes.DIRECT_MESSAGE_SENT)
          && payload.path("recipientOffline").asBoolean(false)
          && user.toString().equals(payload.get("recipientId").asString())) {
        notifications.add(UUID.fromString(payload.get("messageId").asString()));
      }
    }
    return new Expected(seqs, notifications);
  }
}
