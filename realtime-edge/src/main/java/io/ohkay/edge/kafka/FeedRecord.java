package io.ohkay.edge.kafka;

import io.ohkay.schemas.event.Event;
import io.ohkay.schemas.id.Ids;
import io.ohkay.schemas.json.Json;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * One committed event as the edge reads it: its position, the envelope fields the edge routes on,
 * and the envelope JSON exactly as it is on the topic. Read as a tree, not as a typed {@code
 * Event}, so event types newer than this edge still flow to clients.
 *
 * @param payload the envelope's payload; shared by every listener, never modified
 * @param json the record value, byte for byte as produced (UTF-8)
 */
public record FeedRecord(
    String topic,
    int partition,
    long offset,
    String type,
    UUID aggregateId,
    long seq,
    JsonNode payload,
    String json) {

  /** The position after this record. */
  public FeedPosition next() {
    return new FeedPosition(topic, partition, offset + 1);
  }

  /**
   * The record as a typed event; {@link RuntimeException} when this edge cannot read it (a type or
   * shape newer than its contract). Only for the few events the edge must understand: the rest flow
   * on as JSON.
   */
  public Event event() {
    return Json.read(json.getBytes(StandardCharsets.UTF_8), Event.class);
  }

  /** The UUID in payload field {@code name}, if it holds one. */
  public @Nullable UUID payloadId(String name) {
    var node = payload.get(name);
    if (node == null || !node.isString()) {
      return null;
    }
    try {
      return Ids.parseUuid(node.stringValue());
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** Reads a record value; {@link IllegalArgumentException} when it is not an event envelope. */
  static FeedRecord parse(String topic, int partition, long offset, byte @Nullable [] value) {
    if (value == null) {
      throw new IllegalArgumentException("no value");
    }
    JsonNode tree;
    try {
      tree = Json.mapper().readTree(value);
    } catch (JacksonException e) {
      throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage(), e);
    }
    var payload = tree.get("payload");
    if (payload == null || !payload.isObject()) {
      throw new IllegalArgumentException("no payload object");
    }
    return new FeedRecord(
        topic,
        partition,
        offset,
        text(tree, "type"),
        Ids.parseUuid(text(tree, "aggregateId")),
        number(tree, "seq"),
        payload,
        new String(value, StandardCharsets.UTF_8));
  }

  private static String text(JsonNode tree, String field) {
    var node = tree.get(field);
    if (node == null || !node.isString() || node.stringValue().isBlank()) {
      throw new IllegalArgumentException("no " + field);
    }
    return node.stringValue();
  }

  private static long number(JsonNode tree, String field) {
    var node = tree.get(field);
    if (node == null || !node.isIntegralNumber() || !node.canConvertToLong()) {
      throw new IllegalArgumentException("no " + field);
    }
    return node.longValue();
  }
}
