package io.ohkay.schemas.id;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.regex.Pattern;

/** Parsing and derivation rules shared by all id types. */
public final class Ids {

  private static final Pattern CANONICAL =
      Pattern.compile(
          "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

  private Ids() {}

  /** Strict: only the 36-character canonical form (UUID.fromString accepts "1-1-1-1-1"). */
  public static UUID parseUuid(String text) {
    if (text == null || !CANONICAL.matcher(text).matches()) {
      throw new IllegalArgumentException("not a UUID: " + text);
    }
    return UUID.fromString(text);
  }

  /**
   * The id of the notification of {@code user} raised by the event {@code eventId} (a mention): the
   * projector writes it, the edge announces it live, both derive the same.
   */
  public static UUID notificationId(UUID eventId, UserId user) {
    return UUID.nameUUIDFromBytes((eventId + "/" + user).getBytes(StandardCharsets.UTF_8));
  }

  /** The deterministic id of the {@code index}-th event decided for a command. */
  public static UUID eventId(CommandId commandId, int index) {
    return UUID.nameUUIDFromBytes(
        (commandId.value() + "#" + index).getBytes(StandardCharsets.UTF_8));
  }
}
