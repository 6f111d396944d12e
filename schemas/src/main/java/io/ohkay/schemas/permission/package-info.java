/**
 * Permission values: the permission names of the API, sets of them, and channel overwrites. Events
 * carry them; {@code io.ohkay.schemas.access} computes with them.
 */
@NullMarked
package io.ohkay.schemas.permission;

import org.jspecify.annotations.NullMarked;
