/** Channels in each server's own database. */
@NullMarked
package io.ohkay.projector.channel;

import org.jspecify.annotations.NullMarked;
