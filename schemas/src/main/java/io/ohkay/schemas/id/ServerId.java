package io.ohkay.schemas.id;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;
import java.util.UUID;

/** Identifies a server, the aggregate of ohkay.server.commands and ohkay.server.events. */
public record ServerId(@JsonValue UUID value) {

  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public ServerId {
    Objects.requireNonNull(value, "value");
  }

  /** Parses the canonical UUID text; throws {@link IllegalArgumentException} on anything else. */
  public static ServerId parse(String text) {
    return new ServerId(Ids.parseUuid(text));
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
