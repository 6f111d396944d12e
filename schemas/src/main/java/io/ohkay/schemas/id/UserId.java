package io.ohkay.schemas.id;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;
import java.util.UUID;

/** Identifies a user account (key of ohkay.auth.events). */
public record UserId(@JsonValue UUID value) {

  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public UserId {
    Objects.requireNonNull(value, "value");
  }

  /** Parses the canonical UUID text; throws {@link IllegalArgumentException} on anything else. */
  public static UserId parse(String text) {
    return new UserId(Ids.parseUuid(text));
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
