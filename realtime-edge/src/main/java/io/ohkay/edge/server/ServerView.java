package io.ohkay.edge.server;

import java.util.UUID;

/** A server as its members see it in {@code GET /api/servers}. */
record ServerView(UUID id, String name, UUID ownerId) {}
