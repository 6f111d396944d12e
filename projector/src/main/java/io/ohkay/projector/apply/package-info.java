/**
 * Exactly-once effect: writes a batch of events with each aggregate's seq and the consumed offsets
 * in one transaction per database.
 */
@NullMarked
package io.ohkay.projector.apply;

import org.jspecify.annotations.NullMarked;
