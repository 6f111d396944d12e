/**
 * Open-loop load shared by the scenarios: fixed send schedules, the sender that keeps them, the
 * answers timed from each scheduled send, and the pooled HTTP client that fires the requests.
 */
@NullMarked
package io.ohkay.bench.load;

import org.jspecify.annotations.NullMarked;
