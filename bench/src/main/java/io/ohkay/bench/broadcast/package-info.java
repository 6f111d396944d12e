/**
 * The fan-out baseline: a bare reactor-netty SSE broadcaster with no database and no framework.
 * {@code POST} → the message is serialized once, framed as an SSE event once, and its bytes are
 * written as they are to every subscriber's response through one multicast sink; each subscriber
 * has a bounded buffer and is cut off with {@code event: overflow} when it fills.
 */
@NullMarked
package io.ohkay.bench.broadcast;

import org.jspecify.annotations.NullMarked;
