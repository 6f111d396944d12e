/**
 * The "message end to end" scenario: an open-loop load of posts and one SSE client timing their
 * arrival, stepped up through rates until the target no longer holds one.
 */
@NullMarked
package io.ohkay.bench.e2e;

import org.jspecify.annotations.NullMarked;
