package io.ohkay.edge.server;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A server as its members see it in {@code GET /api/servers}; no description is null. */
record ServerView(UUID id, String name, UUID ownerId, @Nullable String description) {}
