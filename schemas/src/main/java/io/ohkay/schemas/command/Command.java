package io.ohkay.schemas.command;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.ohkay.schemas.id.CommandId;
import io.ohkay.schemas.id.UserId;
import io.ohkay.schemas.json.Json;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The envelope of every command. The record key (see {@link io.ohkay.schemas.topic.Topics}) names
 * the aggregate that decides it; {@code issuedAt} is the only clock the decider reads.
 */
@JsonPropertyOrder({"type", "commandId", "actorId", "issuedAt", "payload"})
public record Command(
    CommandId commandId, @Nullable UserId actorId, Instant issuedAt, CommandPayload payload) {

  public Command {
    Objects.requireNonNull(commandId, "commandId");
    Objects.requireNonNull(issuedAt, "issuedAt");
    Objects.requireNonNull(payload, "payload");
  }

  @JsonProperty("type")
  public String type() {
    return CommandTypes.typeOf(payload);
  }

  @JsonCreator
  static Command fromJson(
      @JsonProperty(value = "type", required = true) String type,
      @JsonProperty(value = "commandId", required = true) CommandId commandId,
      @JsonProperty("actorId") @Nullable UserId actorId,
      @JsonProperty(value = "issuedAt", required = true) Instant issuedAt,
      @JsonProperty(value = "payload", required = true) JsonNode payload) {
    var payloadClass =
        CommandTypes.classOf(type)
            .orElseThrow(() -> new IllegalArgumentException("unknown command type: " + type));
    return new Command(
        commandId, actorId, issuedAt, Json.mapper().treeToValue(payload, payloadClass));
  }
}
