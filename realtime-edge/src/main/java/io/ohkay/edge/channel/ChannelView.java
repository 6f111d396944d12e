package io.ohkay.edge.channel;

import java.time.Instant;
import java.util.UUID;

/** A channel as members see it in {@code GET /api/servers/{id}/channels}. */
record ChannelView(UUID id, UUID serverId, String name, int position, Instant createdAt) {}
