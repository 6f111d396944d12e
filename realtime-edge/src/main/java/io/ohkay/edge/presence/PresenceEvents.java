package io.ohkay.edge.presence;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.ohkay.schemas.id.UserId;
import io.ohkay.schemas.json.Json;
import io.ohkay.schemas.signal.Typing;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The ephemeral stream events, as the stream sends them (SSE {@code event:} name and {@code data:}
 * JSON, the same JSON on the WebSocket), never with an {@code id}: they do not move a client's
 * cursor.
 */
public final class PresenceEvents {

  /** The event name of a status change: data {@code {"userId","status"}}. */
  public static final String PRESENCE = "presence";

  /**
   * The event name of a typing signal: data {@code {"userId","serverId","channelId","at"}} or
   * {@code {"userId","conversationId","at"}}.
   */
  public static final String TYPING = "typing";

  private PresenceEvents() {}

  /** The data of a {@value #PRESENCE} event: {@code {"userId":"…","status":"online"}}. */
  public static String presence(UserId user, PresenceStatus status) {
    return Json.mapper().writeValueAsString(new PresenceView(user.value(), status.wireName()));
  }

  /**
   * The data of a {@value #TYPING} event: {@code {"userId":"…","serverId":"…","channelId":"…",
   * "at":"…"}} or {@code {"userId":"…","conversationId":"…","at":"…"}}.
   */
  public static String typing(Typing typing) {
    return Json.mapper()
        .writeValueAsString(
            new TypingView(
                typing.userId().value(),
                typing.serverId() == null ? null : typing.serverId().value(),
                typing.channelId() == null ? null : typing.channelId().value(),
                typing.conversationId() == null ? null : typing.conversationId().value(),
                typing.at()));
  }

  /** One user's status, as events and {@code GET /api/presence} show it. */
  record PresenceView(UUID userId, String status) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  record TypingView(
      UUID userId,
      @Nullable UUID serverId,
      @Nullable UUID channelId,
      @Nullable UUID conversationId,
      Instant at) {}
}
