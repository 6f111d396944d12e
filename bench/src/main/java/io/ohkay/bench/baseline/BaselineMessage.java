package io.ohkay.bench.baseline;

import java.util.UUID;

/**
 * A stored message as clients see it, in the shape Ohkay uses.
 *
 * @param id the message's id (UUIDv7)
 * @param serverId the server
 * @param channelId the channel
 * @param authorId the poster
 * @param content the text
 * @param createdAt ISO-8601 instant of the insert
 * @param seq order in the database, assigned by PostgreSQL
 */
record BaselineMessage(
    UUID id,
    UUID serverId,
    UUID channelId,
    UUID authorId,
    String content,
    String createdAt,
    long seq) {}
