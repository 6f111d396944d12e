/** Messages in each server's own database. */
@NullMarked
package io.ohkay.projector.message;

import org.jspecify.annotations.NullMarked;
