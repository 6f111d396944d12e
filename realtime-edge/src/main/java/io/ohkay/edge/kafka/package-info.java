/**
 * Kafka adapter: the edge's one read_committed consumer of the events topics, its followers of the
 * revocations and of the ephemeral signals, and its producer of ephemeral signals.
 */
@NullMarked
package io.ohkay.edge.kafka;

import org.jspecify.annotations.NullMarked;
