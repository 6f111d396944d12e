/**
 * The "projector" scenario: messages per second through the projector's own write path next to a
 * bare multi-row INSERT of the same rows into the same schema.
 */
@NullMarked
package io.ohkay.bench.projector;

import org.jspecify.annotations.NullMarked;
