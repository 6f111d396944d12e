package io.ohkay.schemas.id;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.UUID;

/**
 * Identifies the direct-message conversation of two users: a name-based UUID of the sorted pair, so
 * both sides name the same conversation without asking anyone and "get or create" is idempotent.
 */
public record ConversationId(@JsonValue UUID value) {

  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public ConversationId {
    Objects.requireNonNull(value, "value");
  }

  /** The conversation of {@code one} and {@code other}, whichever of them asks. */
  public static ConversationId between(UserId one, UserId other) {
    if (one.equals(other)) {
      throw new IllegalArgumentException("a conversation needs two users: " + one);
    }
    var first = one.value().compareTo(other.value()) < 0 ? one : other;
    var second = first.equals(one) ? other : one;
    return new ConversationId(
        UUID.nameUUIDFromBytes(("dm:" + first + "/" + second).getBytes(StandardCharsets.UTF_8)));
  }

  /** Parses the canonical UUID text; throws {@link IllegalArgumentException} on anything else. */
  public static ConversationId parse(String text) {
    return new ConversationId(Ids.parseUuid(text));
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
