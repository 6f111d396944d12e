package io.ohkay.edge.stream;

import io.ohkay.edge.access.AccessSnapshot;
import java.time.Duration;
import java.util.UUID;
import java.util.function.Function;
import reactor.core.publisher.Mono;

/**
 * How the hub loads a server's permissions.
 *
 * @param loader a server's permissions as its database has them now, with the seq they reflect;
 *     empty while the server is unknown. Called off the hub's lock; must not block.
 * @param retryDelay the pause before reading again a snapshot that is behind the feed, absent or
 *     failed
 * @param timeout how long the connections waiting on a server's permissions wait for a snapshot
 *     that lines up with the feed before they are ended with a resumable cursor
 */
record AccessLoading(
    Function<UUID, Mono<AccessSnapshot>> loader, Duration retryDelay, Duration timeout) {}
