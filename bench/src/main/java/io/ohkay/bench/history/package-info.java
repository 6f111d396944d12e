/**
 * The "history" scenario: one page of a long channel's history before a random message, through the
 * platform's HTTP API next to the minimal indexed SQL.
 */
@NullMarked
package io.ohkay.bench.history;

import org.jspecify.annotations.NullMarked;
