package io.ohkay.schemas.event;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.ohkay.schemas.id.CommandId;
import io.ohkay.schemas.id.Ids;
import io.ohkay.schemas.id.UserId;
import io.ohkay.schemas.json.Json;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The envelope of every fact on an events topic. {@code seq} is gap-free per aggregate and assigned
 * by the decider; {@code eventId} is derived from the command id and the event's index, so a
 * re-decided command yields the same ids.
 */
@JsonPropertyOrder({
  "type",
  "eventId",
  "commandId",
  "aggregateId",
  "seq",
  "occurredAt",
  "actorId",
  "payload"
})
public record Event(
    UUID eventId,
    CommandId commandId,
    UUID aggregateId,
    long seq,
    Instant occurredAt,
    @Nullable UserId actorId,
    EventPayload payload) {

  public Event {
    Objects.requireNonNull(eventId, "eventId");
    Objects.requireNonNull(commandId, "commandId");
    Objects.requireNonNull(aggregateId, "aggregateId");
    Objects.requireNonNull(occurredAt, "occurredAt");
    Objects.requireNonNull(payload, "payload");
    if (seq < 1) {
      throw new IllegalArgumentException("seq starts at 1: " + seq);
    }
  }

  /** The {@code index}-th event decided for {@code commandId}. */
  public static Event decided(
      CommandId commandId,
      int index,
      UUID aggregateId,
      long seq,
      Instant occurredAt,
      @Nullable UserId actorId,
      EventPayload payload) {
    return new Event(
        Ids.eventId(commandId, index), commandId, aggregateId, seq, occurredAt, actorId, payload);
  }

  @JsonProperty("type")
  public String type() {
    return EventTypes.typeOf(payload);
  }

  @JsonCreator
  static Event fromJson(
      @JsonProperty(value = "type", required = true) String type,
      @JsonProperty(value = "eventId", required = true) UUID eventId,
      @JsonProperty(value = "commandId", required = true) CommandId commandId,
      @JsonProperty(value = "aggregateId", required = true) UUID aggregateId,
      @JsonProperty(value = "seq", required = true) long seq,
      @JsonProperty(value = "occurredAt", required = true) Instant occurredAt,
      @JsonProperty("actorId") @Nullable UserId actorId,
      @JsonProperty(value = "payload", required = true) JsonNode payload) {
    var payloadClass =
        EventTypes.classOf(type)
            .orElseThrow(() -> new IllegalArgumentException("unknown event type: " + type));
    return new Event(
        eventId,
        commandId,
        aggregateId,
        seq,
        occurredAt,
        actorId,
        Json.mapper().treeToValue(payload, payloadClass));
  }
}
