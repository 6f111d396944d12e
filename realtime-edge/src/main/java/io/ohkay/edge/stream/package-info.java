/** The live stream: one multiplexed SSE connection per client, fed by the events topics. */
@NullMarked
package io.ohkay.edge.stream;

import org.jspecify.annotations.NullMarked;
