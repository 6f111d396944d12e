package io.ohkay.edge.dm;

import java.time.Instant;
import java.util.UUID;

/** A user the caller blocked, and since when. */
record BlockView(UUID userId, Instant createdAt) {}
