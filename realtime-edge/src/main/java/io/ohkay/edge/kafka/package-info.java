/**
 * Kafka adapter: the edge's one read_committed consumer of the events topics, and its producer of
 * ephemeral signals.
 */
@NullMarked
package io.ohkay.edge.kafka;

import org.jspecify.annotations.NullMarked;
