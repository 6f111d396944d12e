package io.ohkay.edge.stream;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.ohkay.edge.kafka.FeedRecord;
import io.ohkay.schemas.event.DirectMessageSent;
import io.ohkay.schemas.event.DmEvent;
import io.ohkay.schemas.event.Event;
import io.ohkay.schemas.event.InviteSent;
import io.ohkay.schemas.id.UserId;
import io.ohkay.schemas.json.Json;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The events the hub routes to the users they name rather than to a server's members: each
 * direct-message event to the live streams of its {@link DmEvent#audience()} and nobody else's (no
 * membership, no permissions: the event says who may see it), and an invite's {@code
 * notification.created} to the invitee, who is not a member. A direct-message event's data is its
 * client JSON: a sent message as the conversation's pages show it, any other event its payload with
 * its {@code seq}. An event this edge cannot read is streamed to nobody. Called under the hub's
 * lock.
 */
final class DirectEvents {

  private static final Logger log = LoggerFactory.getLogger(DirectEvents.class);

  /** A sent direct message as clients see it (its {@code deletedAt} is still unset). */
  @JsonInclude(JsonInclude.Include.ALWAYS)
  record SentMessage(
      UUID id, UUID conversationId, UUID authorId, String content, Instant createdAt, long seq) {}

  private final StreamHub hub;
  private final MembershipIndex<UUID, StreamSession> byUser;

  /**
   * @param hub the hub whose lock guards the index, and which feeds connections
   * @param byUser the hub's connections by user
   */
  DirectEvents(StreamHub hub, MembershipIndex<UUID, StreamSession> byUser) {
    this.hub = hub;
    this.byUser = byUser;
  }

  /**
   * Streams a direct-message event to its audience; an offline recipient's streams get it under the
   * cursor "at this record, one item given", then its notification under the event's own.
   */
  void onDmEvent(StreamCursor.Partition key, FeedRecord record) {
    var envelope = read(record);
    if (envelope == null || !(envelope.payload() instanceof DmEvent payload)) {
      log.warn("unreadable {} at offset {}: streamed to nobody", record.type(), record.offset());
      return;
    }
    var after = hub.cursor();
    var data = data(envelope, payload);
    var event = FeedPositions.event(after.encode(), record, data);
    var notified =
        payload instanceof DirectMessageSent sent && sent.recipientOffline()
            ? sent.recipientId()
            : null;
    for (var user : new LinkedHashSet<>(payload.audience())) {
      if (user.equals(notified)) {
        var first = after.within(key, record.offset(), 1).encode();
        hub.offerAll(liveStreams(user), FeedPositions.event(first, record, data));
      } else {
        hub.offerAll(liveStreams(user), event);
      }
    }
    if (notified != null && payload instanceof DirectMessageSent sent) {
      hub.offerAll(
          liveStreams(notified),
          CreatedNotifications.event(
              after.encode(), CreatedNotifications.directMessage(envelope, sent)));
    }
  }

  /** Gives the invitee of an {@code invite.sent.v1} its {@code notification.created}. */
  void onInviteSent(FeedRecord record) {
    var envelope = read(record);
    if (envelope == null || !(envelope.payload() instanceof InviteSent invite)) {
      log.warn(
          "unreadable {} at offset {}: no notification streamed", record.type(), record.offset());
      return;
    }
    hub.offerAll(
        liveStreams(invite.inviteeId()),
        CreatedNotifications.event(
            hub.cursor().encode(), CreatedNotifications.invite(envelope, invite)));
  }

  /** The client JSON of a direct-message event. */
  static String data(Event envelope, DmEvent payload) {
    if (payload instanceof DirectMessageSent sent) {
      return Json.mapper()
          .writeValueAsString(
              new SentMessage(
                  sent.messageId().value(),
                  sent.conversationId().value(),
                  sent.authorId().value(),
                  sent.content(),
                  envelope.occurredAt(),
                  envelope.seq()));
    }
    ObjectNode data = Json.mapper().valueToTree(payload);
    data.put("seq", envelope.seq());
    return Json.mapper().writeValueAsString(data);
  }

  private List<StreamSession> liveStreams(UserId user) {
    return byUser.membersOf(user.value()).stream().filter(StreamSession::active).toList();
  }

  private static @Nullable Event read(FeedRecord record) {
    try {
      return record.event();
    } catch (RuntimeException e) {
      return null;
    }
  }
}
