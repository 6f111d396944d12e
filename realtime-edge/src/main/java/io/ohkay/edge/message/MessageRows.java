package io.ohkay.edge.message;

import io.ohkay.edge.history.MessageTable;
import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.util.UUID;

/** The columns of a message as every message query selects them, and their client shape. */
final class MessageRows {

  /** The selected columns, for {@code select ... from messages}. */
  static final String COLUMNS =
      "id, channel_id, author_id, content, created_at, seq, edited_at, kind, system_type,"
          + " deleted_at is not null as deleted";

  /** A channel's history: {@code (channel_id, seq)} is indexed. */
  static final MessageTable TABLE = new MessageTable("messages", "channel_id", COLUMNS, "channel");

  private MessageRows() {}

  static MessageView view(Readable row, UUID serverId) {
    var deleted = Boolean.TRUE.equals(row.get("deleted", Boolean.class));
    return new MessageView(
        row.get("id", UUID.class),
        serverId,
        row.get("channel_id", UUID.class),
        row.get("author_id", UUID.class),
        deleted ? null : row.get("content", String.class),
        row.get("created_at", Instant.class),
        row.get("seq", Long.class),
        row.get("edited_at", Instant.class),
        row.get("kind", String.class),
        row.get("system_type", String.class),
        deleted);
  }
}
