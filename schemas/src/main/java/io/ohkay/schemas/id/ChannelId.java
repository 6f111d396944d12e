package io.ohkay.schemas.id;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;
import java.util.UUID;

/** Identifies a channel inside a server. */
public record ChannelId(@JsonValue UUID value) {

  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public ChannelId {
    Objects.requireNonNull(value, "value");
  }

  /** Parses the canonical UUID text; throws {@link IllegalArgumentException} on anything else. */
  public static ChannelId parse(String text) {
    return new ChannelId(Ids.parseUuid(text));
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
