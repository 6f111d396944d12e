/**
 * Presence and typing: which users hold a live stream on this edge (announced on {@code
 * ohkay.ephemeral}, repeated while it lasts, with their idle flag), every user's status from every
 * edge's signals, the typing signals, and their routes.
 */
@NullMarked
package io.ohkay.edge.presence;

import org.jspecify.annotations.NullMarked;
