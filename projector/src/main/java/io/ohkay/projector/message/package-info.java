/** Messages in each server's own database: posts, edits and soft deletes. */
@NullMarked
package io.ohkay.projector.message;

import org.jspecify.annotations.NullMarked;
