/** Kafka adapter: the edge's one read_committed consumer of the events topics. */
@NullMarked
package io.ohkay.edge.kafka;

import org.jspecify.annotations.NullMarked;
