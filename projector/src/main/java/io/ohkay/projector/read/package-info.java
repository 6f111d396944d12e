/** How far members have read each channel of a server: read_states. */
@NullMarked
package io.ohkay.projector.read;

import org.jspecify.annotations.NullMarked;
