/**
 * Channels in each server's own database, with the system messages placed by them, and their
 * permission overwrites.
 */
@NullMarked
package io.ohkay.projector.channel;

import org.jspecify.annotations.NullMarked;
