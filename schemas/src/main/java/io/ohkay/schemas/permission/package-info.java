/**
 * Roles, permission bits and channel overwrites: the one computation of what a member may do,
 * shared by the decider (which enforces it) and the edge (which filters reads and streams by it).
 */
@NullMarked
package io.ohkay.schemas.permission;

import org.jspecify.annotations.NullMarked;
