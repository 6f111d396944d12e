package io.ohkay.edge.dm;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.ohkay.edge.history.MessageTable;
import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A direct message as its participants see it; {@code deletedAt} is omitted until it is deleted.
 *
 * @param content null once the message is deleted (its place in the history stays)
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
record DmMessageView(
    UUID id,
    UUID conversationId,
    UUID authorId,
    @Nullable String content,
    Instant createdAt,
    long seq,
    @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable Instant deletedAt) {

  /** The selected columns, for {@code select ... from dm_messages}. */
  static final String COLUMNS =
      "id, conversation_id, author_id, content, created_at, seq, deleted_at";

  /** A conversation's history: {@code (conversation_id, seq)} is unique, hence indexed. */
  static final MessageTable TABLE =
      new MessageTable("dm_messages", "conversation_id", COLUMNS, "conversation");

  /** The message in a row holding {@link #COLUMNS}. */
  static DmMessageView of(Readable row) {
    return of(row, "id");
  }

  /** The message in a row holding {@link #COLUMNS}, its own id named {@code idColumn}. */
  static DmMessageView of(Readable row, String idColumn) {
    var deletedAt = row.get("deleted_at", Instant.class);
    return new DmMessageView(
        row.get(idColumn, UUID.class),
        row.get("conversation_id", UUID.class),
        row.get("author_id", UUID.class),
        deletedAt == null ? row.get("content", String.class) : null,
        row.get("created_at", Instant.class),
        row.get("seq", Long.class),
        deletedAt);
  }
}
