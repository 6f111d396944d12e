package io.ohkay.edge.notification;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One notification as its owner reads it; unset fields are sent as null, {@code readAt} is null
 * while it is unread.
 *
 * @param kind {@code MENTION} (server, channel, message), {@code DM} (conversation, message) or
 *     {@code INVITE} (server, invite code)
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
record NotificationView(
    UUID id,
    String kind,
    @Nullable UUID serverId,
    @Nullable UUID channelId,
    @Nullable UUID messageId,
    @Nullable UUID conversationId,
    @Nullable String inviteCode,
    @Nullable UUID actorId,
    Instant createdAt,
    @Nullable Instant readAt) {}
