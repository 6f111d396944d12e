/**
 * The "fan-out" scenario: one busy channel delivered to many SSE subscribers at once, the message
 * rate stepped up until a target no longer delivers every message to every subscriber in time; and
 * the same subscribers measured with and without connections that read nothing.
 */
@NullMarked
package io.ohkay.bench.fanout;

import org.jspecify.annotations.NullMarked;
