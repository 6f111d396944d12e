package io.ohkay.schemas.id;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;
import java.util.UUID;

/** Identifies a sign-in session, the family of its refresh tokens. */
public record SessionId(@JsonValue UUID value) {

  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public SessionId {
    Objects.requireNonNull(value, "value");
  }

  /** Parses the canonical UUID text; throws {@link IllegalArgumentException} on anything else. */
  public static SessionId parse(String text) {
    return new SessionId(Ids.parseUuid(text));
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
