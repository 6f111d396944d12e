/**
 * Presence: which users hold a live stream on this edge, announced on {@code ohkay.ephemeral} when
 * it changes and repeated while it lasts.
 */
@NullMarked
package io.ohkay.edge.presence;

import org.jspecify.annotations.NullMarked;
