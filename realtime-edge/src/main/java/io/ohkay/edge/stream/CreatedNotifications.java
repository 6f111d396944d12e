package io.ohkay.edge.stream;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.ohkay.edge.kafka.FeedRecord;
import io.ohkay.schemas.event.DirectMessageSent;
import io.ohkay.schemas.event.Event;
import io.ohkay.schemas.event.EventTypes;
import io.ohkay.schemas.event.InviteSent;
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
import tools.jackson.databind.JsonNode;

/**
 * The {@code notification.created} events that announce, live, the notifications the projector
 * writes: one per mentioned member of a mention ({@code members.mentioned.v1}), one for the
 * recipient of a direct message sent while they were offline, one for the invitee of an invite
 * ({@code invite.sent.v1}). Each is the notification as the projector writes it (the same id,
 * {@link Ids#notificationId}), for that user's streams alone, under the cursor of its event.
 */
final class CreatedNotifications {

  static final String NOTIFICATION_CREATED = "notification.created";

  private static final Logger log = LoggerFactory.getLogger(CreatedNotifications.class);

  /** The data of {@code notification.created}; what a kind does not name is sent as null. */
  @JsonInclude(JsonInclude.Include.ALWAYS)
  record Created(
      UUID id,
      String kind,
      @Nullable UUID serverId,
      @Nullable UUID channelId,
      @Nullable UUID messageId,
      @Nullable UUID conversationId,
      @Nullable String inviteCode,
      @Nullable UUID actorId,
      Instant createdAt) {}

  private CreatedNotifications() {}

  /**
   * The notification data of {@code record} by mentioned user, none when it is no mention (or not
   * one this edge can read).
   */
  static Map<UUID, String> mentions(FeedRecord record) {
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
    var data = new HashMap<UUID, String>();
    for (var node : users) {
      var user = uuid(node);
      if (user != null) {
        var id = Ids.notificationId(eventId, new UserId(user));
        data.put(
            user,
            json(
                new Created(
                    id, "MENTION", server, channel, message, null, null, actor, occurredAt)));
      }
    }
    return data;
  }

  /** The recipient's notification data of a direct message sent while they were offline. */
  static String directMessage(Event envelope, DirectMessageSent sent) {
    var recipient = sent.recipientId();
    return json(
        new Created(
            Ids.notificationId(envelope.eventId(), recipient),
            "DM",
            null,
            null,
            sent.messageId().value(),
            sent.conversationId().value(),
            null,
            sent.authorId().value(),
            envelope.occurredAt()));
  }

  /** The invitee's notification data of an invite. */
  static String invite(Event envelope, InviteSent invite) {
    return json(
        new Created(
            Ids.notificationId(envelope.eventId(), invite.inviteeId()),
            "INVITE",
            invite.serverId().value(),
            null,
            null,
            null,
            invite.code(),
            invite.inviterId().value(),
            envelope.occurredAt()));
  }

  /** The {@code notification.created} event of {@code data}, under {@code cursor}. */
  static StreamEvent event(String cursor, String data) {
    return new StreamEvent(cursor, NOTIFICATION_CREATED, data);
  }

  private static String json(Created created) {
    return Json.mapper().writeValueAsString(created);
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
