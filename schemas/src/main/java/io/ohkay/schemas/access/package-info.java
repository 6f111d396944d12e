/**
 * Who may do what in a server, followed from its events: the one permission computation shared by
 * the decider (which enforces it) and the edge (which filters reads and streams by it).
 */
@NullMarked
package io.ohkay.schemas.access;

import org.jspecify.annotations.NullMarked;
