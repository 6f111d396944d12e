/** Kafka adapter: the consumer threads, record decoding, dead letters and consumer status. */
@NullMarked
package io.ohkay.projector.kafka;

import org.jspecify.annotations.NullMarked;
