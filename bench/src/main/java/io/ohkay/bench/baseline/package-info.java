/**
 * The baseline of seed 004: a plain WebFlux server that inserts each posted message into
 * PostgreSQL, the source of truth, then broadcasts it to every SSE subscriber.
 */
@NullMarked
package io.ohkay.bench.baseline;

import org.jspecify.annotations.NullMarked;
