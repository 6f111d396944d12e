package io.ohkay.edge.channel;

import java.time.Instant;
import java.util.UUID;

/**
 * A channel as members see it in {@code GET /api/servers/{id}/channels}.
 *
 * @param unreadCount messages of others, not deleted, after the member's read marker (all of them
 *     when the member never marked the channel read)
 */
record ChannelView(
    UUID id, UUID serverId, String name, int position, Instant createdAt, long unreadCount) {}
