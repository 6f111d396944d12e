package io.ohkay.bench.e2e;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Finds the message content in a stream event's data: under {@code payload} in an Ohkay event
 * envelope ({@code {"type":"message.posted.v1",...,"payload":{"content":...}}}), at the top level
 * in a plain message ({@code {"content":...}}).
 */
final class ContentExtractor {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private ContentExtractor() {}

  /** The content, or null when the data is not JSON or carries no string content. */
  static @Nullable String content(String data) {
    JsonNode event;
    try {
      event = JSON.readTree(data);
    } catch (JacksonException notJson) {
      return null;
    }
    JsonNode payload = event.path("payload");
    JsonNode content = payload.isObject() ? payload.path("content") : event.path("content");
    return content.isString() ? content.stringValue() : null;
  }
}
