package io.ohkay.edge.server;

import java.time.Instant;
import java.util.UUID;

/** A member of a server as its members see it in {@code GET /api/servers/{id}/members}. */
record MemberView(UUID userId, Instant joinedAt) {}
