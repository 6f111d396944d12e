/**
 * The live stream: one multiplexed connection per client, SSE or WebSocket, fed by the events
 * topics.
 */
@NullMarked
package io.ohkay.edge.stream;

import org.jspecify.annotations.NullMarked;
