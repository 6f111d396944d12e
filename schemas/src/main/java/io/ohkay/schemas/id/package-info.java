/** Typed identifiers: records wrapping a UUID, serialized as the bare UUID string. */
@NullMarked
package io.ohkay.schemas.id;

import org.jspecify.annotations.NullMarked;
