package io.ohkay.schemas.id;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;
import java.util.UUID;

/** Identifies a message in a channel or a direct conversation. */
public record MessageId(@JsonValue UUID value) {

  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public MessageId {
    Objects.requireNonNull(value, "value");
  }

  /** Parses the canonical UUID text; throws {@link IllegalArgumentException} on anything else. */
  public static MessageId parse(String text) {
    return new MessageId(Ids.parseUuid(text));
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
