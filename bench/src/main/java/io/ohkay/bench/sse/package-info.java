/**
 * A cheap live-stream client for scenarios with many connections or many events: a byte-level SSE
 * scanner that reports only what a scenario needs (each event's bench tag, and the name and id of
 * the others), and reactor-netty connections that feed it, stamping every chunk on arrival.
 */
@NullMarked
package io.ohkay.bench.sse;

import org.jspecify.annotations.NullMarked;
