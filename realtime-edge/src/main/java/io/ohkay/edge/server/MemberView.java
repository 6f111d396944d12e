package io.ohkay.edge.server;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A member of a server as its members see it in {@code GET /api/servers/{id}/members}.
 *
 * @param roles the ids of the roles assigned to them, the everyone role excluded
 */
record MemberView(UUID userId, Instant joinedAt, List<UUID> roles) {}
