package io.ohkay.edge.message;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A message as clients see it (REST and stream); {@code editedAt} is omitted until an edit.
 *
 * @param content null once the message is deleted (and for system messages without text)
 * @param type {@code USER} or {@code SYSTEM} (a join or a departure the server announced)
 * @param systemType what a system message announces ({@code JOINED|LEFT|KICKED|BANNED}), else null
 * @param deleted whether the message was deleted; its place in the history stays
 */
record MessageView(
    UUID id,
    UUID serverId,
    UUID channelId,
    UUID authorId,
    @Nullable String content,
    Instant createdAt,
    long seq,
    @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable Instant editedAt,
    String type,
    @Nullable String systemType,
    boolean deleted) {}
