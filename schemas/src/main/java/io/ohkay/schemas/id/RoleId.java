package io.ohkay.schemas.id;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;
import java.util.UUID;

/** Identifies a role inside a server; the everyone role of a server has the server's own id. */
public record RoleId(@JsonValue UUID value) {

  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public RoleId {
    Objects.requireNonNull(value, "value");
  }

  /** Parses the canonical UUID text; throws {@link IllegalArgumentException} on anything else. */
  public static RoleId parse(String text) {
    return new RoleId(Ids.parseUuid(text));
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
