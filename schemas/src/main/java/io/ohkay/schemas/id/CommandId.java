package io.ohkay.schemas.id;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;
import java.util.UUID;

/** Identifies a command; fixed by the Idempotency-Key header when the client sends one. */
public record CommandId(@JsonValue UUID value) {

  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public CommandId {
    Objects.requireNonNull(value, "value");
  }

  /** Parses the canonical UUID text; throws {@link IllegalArgumentException} on anything else. */
  public static CommandId parse(String text) {
    return new CommandId(Ids.parseUuid(text));
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
