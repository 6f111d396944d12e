package io.ohkay.edge.message;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A message as clients see it (REST and stream); {@code editedAt} is omitted until an edit. */
record MessageView(
    UUID id,
    UUID serverId,
    UUID channelId,
    UUID authorId,
    String content,
    Instant createdAt,
    long seq,
    @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable Instant editedAt) {}
