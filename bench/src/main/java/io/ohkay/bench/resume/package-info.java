/**
 * The "resume" scenario: a client that missed a batch of messages reconnects with {@code
 * Last-Event-ID}, and the time until it has them all back, in order, is measured, served from the
 * edge's memory and read back from Kafka.
 */
@NullMarked
package io.ohkay.bench.resume;

import org.jspecify.annotations.NullMarked;
