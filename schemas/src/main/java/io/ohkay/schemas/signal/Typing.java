package io.ohkay.schemas.signal;

import io.ohkay.schemas.id.ChannelId;
import io.ohkay.schemas.id.ConversationId;
import io.ohkay.schemas.id.ServerId;
import io.ohkay.schemas.id.UserId;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * {@code typing.v1}, keyed by server id or conversation id: the user is typing, at {@code at}, in a
 * channel of a server ({@code serverId} and {@code channelId}) or in a direct-message conversation
 * ({@code conversationId}, with the other participant, {@code recipientId}, so a reader routes it
 * without knowing the conversation), never both. Sent at most every few seconds while the user
 * types; a reader drops one older than a few seconds.
 */
public record Typing(
    UserId userId,
    @Nullable ServerId serverId,
    @Nullable ChannelId channelId,
    @Nullable ConversationId conversationId,
    @Nullable UserId recipientId,
    Instant at)
    implements Signal {

  public Typing {
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(at, "at");
    var inChannel = serverId != null && channelId != null && conversationId == null;
    var inConversation =
        serverId == null
            && channelId == null
            && conversationId != null
            && recipientId != null
            && conversationId.equals(ConversationId.between(userId, recipientId));
    if (!inChannel && !inConversation || inChannel && recipientId != null) {
      throw new IllegalArgumentException(
          "typing is in a server's channel or in a conversation, was server "
              + serverId
              + ", channel "
              + channelId
              + ", conversation "
              + conversationId
              + " with "
              + recipientId);
    }
  }

  /** {@code user} is typing in {@code channel} of {@code server}. */
  public static Typing inChannel(UserId user, ServerId server, ChannelId channel, Instant at) {
    return new Typing(user, server, channel, null, null, at);
  }

  /** {@code user} is typing in their conversation with {@code recipient}. */
  public static Typing inConversation(UserId user, UserId recipient, Instant at) {
    return new Typing(user, null, null, ConversationId.between(user, recipient), recipient, at);
  }

  @Override
  public String key() {
    return serverId != null ? serverId.toString() : Objects.toString(conversationId);
  }
}
