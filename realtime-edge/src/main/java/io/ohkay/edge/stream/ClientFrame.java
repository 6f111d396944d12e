package io.ohkay.edge.stream;

import io.ohkay.edge.presence.ClientSignals;
import io.ohkay.edge.web.ProblemException;
import io.ohkay.edge.web.RequestIds;
import io.ohkay.schemas.error.ErrorCode;
import io.ohkay.schemas.id.ChannelId;
import io.ohkay.schemas.id.ConversationId;
import io.ohkay.schemas.id.ServerId;
import io.ohkay.schemas.json.Json;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * A text frame a WebSocket client sends, one JSON object named by its {@code type}: {@code start}
 * or {@code resume} (with a {@code cursor}) first, then {@code typing} (with {@code serverId} and
 * {@code channelId}, or {@code conversationId}) and {@code presence} (with {@code status}).
 */
sealed interface ClientFrame {

  /** Open the stream: a new one, or resuming from {@code cursor}. */
  record Start(@Nullable String cursor) implements ClientFrame {}

  /** The user types in a channel. */
  record TypingInChannel(ServerId server, ChannelId channel) implements ClientFrame {}

  /** The user types in a conversation. */
  record TypingInConversation(ConversationId conversation) implements ClientFrame {}

  /** The user is idle or back ({@code PUT /api/presence}). */
  record Presence(boolean idle) implements ClientFrame {}

  /**
   * The frame {@code text} holds; {@code MALFORMED_JSON} when it is no JSON object, {@code
   * VALIDATION_FAILED} for an unknown type or a missing field, {@code INVALID_ID} for an id that is
   * no UUID.
   */
  static ClientFrame parse(String text) {
    JsonNode json;
    try {
      json = Json.mapper().readTree(text);
    } catch (JacksonException e) {
      throw malformed();
    }
    if (json == null || !json.isObject()) {
      throw malformed();
    }
    var type = json.path("type");
    return switch (type.isString() ? type.stringValue() : "") {
      case "start" -> new Start(null);
      case "resume" -> new Start(required(json, "cursor"));
      case "typing" -> typing(json);
      case "presence" -> new Presence(ClientSignals.isIdle(json));
      default -> throw invalid("type must be \"start\", \"resume\", \"typing\" or \"presence\".");
    };
  }

  private static ClientFrame typing(JsonNode json) {
    if (json.has("conversationId")) {
      if (json.has("serverId") || json.has("channelId")) {
        throw invalid("A typing frame names a conversationId, or a serverId and a channelId.");
      }
      var conversation = required(json, "conversationId");
      return new TypingInConversation(
          new ConversationId(RequestIds.parse(conversation, "conversationId")));
    }
    var server = required(json, "serverId");
    var channel = required(json, "channelId");
    return new TypingInChannel(
        new ServerId(RequestIds.parse(server, "serverId")),
        new ChannelId(RequestIds.parse(channel, "channelId")));
  }

  private static String required(JsonNode json, String field) {
    var value = json.path(field);
    if (!value.isString() || value.stringValue().isBlank()) {
      throw invalid(field + " is required (a string).");
    }
    return value.stringValue();
  }

  private static ProblemException malformed() {
    return new ProblemException(ErrorCode.MALFORMED_JSON, "A frame is one JSON object.");
  }

  private static ProblemException invalid(String detail) {
    return new ProblemException(ErrorCode.VALIDATION_FAILED, detail);
  }
}
