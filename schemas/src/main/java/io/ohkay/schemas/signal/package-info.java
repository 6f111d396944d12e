/** Ephemeral signals: presence and typing, carried by {@code ohkay.ephemeral}. */
@NullMarked
package io.ohkay.schemas.signal;

import org.jspecify.annotations.NullMarked;
