package io.ohkay.edge.stream;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.ohkay.edge.kafka.FeedRecord;
import io.ohkay.schemas.event.EventTypes;
import io.ohkay.schemas.id.Ids;
import io.ohkay.schemas.id.UserId;
import io.ohkay.schemas.json.Json;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.codec.ServerSentEvent;
import tools.jackson.databind.JsonNode;

/**
 * The {@code notification.created} events a mention ({@code members.mentioned.v1}) raises, one per
 * mentioned member, each for that member's streams alone: the notification as the projector writes
 * it (the same id, {@link Ids#notificationId}), under the cursor of the mention itself.
 */
final class MentionNotifications {

  static final String NOTIFICATION_CREATED = "notification.created";

  private static final Logger log = LoggerFactory.getLogger(MentionNotifications.class);

  /** The data of {@code notification.created}; a null actor is sent as null. */
  @JsonInclude(JsonInclude.Include.ALWAYS)
  record Created(
      UUID id,
      String kind,
      UUID serverId,
      UUID channelId,
      UUID messageId,
      @Nullable UUID actorId,
      Instant createdAt) {}

  private MentionNotifications() {}

  /**
   * The notification events of {@code record} by mentioned user, none when it is no mention (or not
   * one this edge can read).
   */
  static Map<UUID, ServerSentEvent<String>> of(FeedRecord record, String cursor) {
    if (!record.type().equals(EventTypes.MEMBERS_MENTIONED)) {
      return Map.of();
    }
    var users = record.payload().get("userIds");
    var server = record.payloadId("serverId");
    var channel = record.payloadId("channelId");
    var message = record.payloadId("messageId");
    var envelope = Json.mapper().readTree(record.json());
    var eventId = uuid(envelope.get("eventId"));
    var occurredAt = instant(envelope.get("occurredAt"));
    if (users == null
        || !users.isArray()
        || server == null
        || channel == null
        || message == null
        || eventId == null
        || occurredAt == null) {
      log.warn(
          "unreadable {} at offset {}: no notification streamed", record.type(), record.offset());
      return Map.of();
    }
    var actor = uuid(envelope.get("actorId"));
    var events = new HashMap<UUID, ServerSentEvent<String>>();
    for (var node : users) {
      var user = uuid(node);
      if (user != null) {
        var id = Ids.notificationId(eventId, new UserId(user));
        var created = new Created(id, "MENTION", server, channel, message, actor, occurredAt);
        events.put(user, event(cursor, created));
      }
    }
    return events;
  }

  private static ServerSentEvent<String> event(String cursor, Created created) {
    return ServerSentEvent.<String>builder()
        .id(cursor)
        .event(NOTIFICATION_CREATED)
        .data(Json.mapper().writeValueAsString(created))
        .build();
  }

  private static @Nullable UUID uuid(@Nullable JsonNode node) {
    if (node == null || !node.isString()) {
      return null;
    }
    try {
      return Ids.parseUuid(node.stringValue());
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static @Nullable Instant instant(@Nullable JsonNode node) {
    if (node == null || !node.isString()) {
      return null;
    }
    try {
      return Instant.parse(node.stringValue());
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
